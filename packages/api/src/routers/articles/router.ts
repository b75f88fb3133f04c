// Articles and pages in the admin: list with filters (keyset pagination), read, create, edit with the version
// check, preview with the site's own renderer, and the status transitions the domain allows. Each write is a
// domain use case (packages/domain/src/articles/service.ts) in the unit of work (audit entry and what changed).
import {
  findArticleById,
  getSettings,
  listArticles,
  listStaffNames,
  listTopics,
  staffNames,
  topicRepository,
  type DbHandle,
} from '@ayni/db';
import {
  DomainError,
  allowedActions,
  articleActions,
  articleEditSchema,
  articleKindSchema,
  articleStatusSchema,
  changeArticleStatus,
  createArticle,
  languageSchema,
  renameTopic,
  saveArticleEdits,
  topicNamesSchema,
  type Article,
} from '@ayni/domain';
import { renderMarkdown } from '@ayni/domain/markdown';
import { z } from 'zod';
import { articlePorts } from '../../ports.js';
import { inUnitOfWork, permitted, router } from '../../trpc.js';

async function toDetail(db: DbHandle['db'], a: Article) {
  const translation = a.translationId ? await findArticleById(db, a.translationId) : null;
  const settings = await getSettings(db);
  const prefix = a.language === 'es' ? '/es' : '';
  return {
    ...a,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    scheduledFor: a.scheduledFor?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    translation: translation
      ? {
          id: translation.id,
          title: translation.title,
          language: translation.language,
          slug: translation.slug,
        }
      : null,
    allowedActions: allowedActions(a.status),
    publicUrl:
      a.status === 'published'
        ? `${settings.siteUrl.replace(/\/$/, '')}${prefix}/${a.kind === 'news' ? `news/${a.slug}` : a.slug}`
        : null,
  };
}

export const articlesRouter = router({
  list: permitted('article:view')
    .input(
      z.object({
        status: articleStatusSchema.optional(),
        kind: articleKindSchema.optional(),
        language: languageSchema.optional(),
        topic: z.string().optional(),
        authorId: z.string().optional(),
        q: z.string().trim().max(200).optional(),
        cursor: z.object({ createdAt: z.iso.datetime(), id: z.string() }).optional(),
        limit: z.number().int().min(1).max(100).default(25),
      }),
    )
    .query(async ({ ctx, input }) => {
      const rows = await listArticles(ctx.handle.db, {
        status: input.status,
        kind: input.kind,
        language: input.language,
        topic: input.topic,
        authorId: input.authorId,
        titleSearch: input.q || undefined,
        limit: input.limit + 1,
        before: input.cursor
          ? { createdAt: new Date(input.cursor.createdAt), id: input.cursor.id }
          : undefined,
      });
      const page = rows.slice(0, input.limit);
      const names = await staffNames(
        ctx.handle.db,
        page.map((a) => a.authorId),
      );
      const last = page.at(-1);
      return {
        articles: page.map((a) => ({
          id: a.id,
          kind: a.kind,
          language: a.language,
          slug: a.slug,
          title: a.title,
          status: a.status,
          topics: a.topics,
          authorName: a.authorId ? (names.get(a.authorId) ?? null) : null,
          publishedAt: a.publishedAt?.toISOString() ?? null,
          scheduledFor: a.scheduledFor?.toISOString() ?? null,
          createdAt: a.createdAt.toISOString(),
          updatedAt: a.updatedAt.toISOString(),
        })),
        nextCursor:
          rows.length > input.limit && last ? { createdAt: last.createdAt.toISOString(), id: last.id } : null,
      };
    }),

  get: permitted('article:view')
    .input(z.object({ id: z.string().min(1) }))
    .query(async ({ ctx, input }) => {
      const a = await findArticleById(ctx.handle.db, input.id);
      if (!a) throw new DomainError('NOT_FOUND', 'Article not found');
      return toDetail(ctx.handle.db, a);
    }),

  create: permitted('article:edit')
    .input(articleEditSchema)
    .mutation(async ({ ctx, input }) => {
      const article = await inUnitOfWork(ctx, (trx) =>
        createArticle(articlePorts(ctx, trx), { edit: input, authorId: ctx.session.userId }),
      );
      return { id: article.id, version: article.version };
    }),

  update: permitted('article:edit')
    .input(articleEditSchema.extend({ id: z.string().min(1), version: z.number().int().min(1) }))
    .mutation(async ({ ctx, input: { id, version, ...edit } }) => {
      const { after } = await inUnitOfWork(ctx, (trx) =>
        saveArticleEdits(articlePorts(ctx, trx), { id, expectedVersion: version, edit }),
      );
      return { id: after.id, version: after.version };
    }),

  preview: permitted('article:edit')
    .input(z.object({ body: z.string().max(200_000) }))
    .mutation(({ input }) => ({ html: renderMarkdown(input.body) })),

  transition: permitted('article:publish')
    .input(
      z.object({
        id: z.string().min(1),
        version: z.number().int().min(1),
        action: z.enum(
          articleActions as unknown as [
            'publish',
            'schedule',
            'unschedule',
            'unpublish',
            'archive',
            'restore',
          ],
        ),
        at: z.iso.datetime({ offset: true }).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const next = await inUnitOfWork(ctx, (trx) =>
        changeArticleStatus(articlePorts(ctx, trx), {
          id: input.id,
          expectedVersion: input.version,
          action: input.action,
          at: input.at ? new Date(input.at) : undefined,
        }),
      );
      return { id: next.id, version: next.version, status: next.status };
    }),

  topics: permitted('article:view').query(({ ctx }) => listTopics(ctx.handle.db)),

  /** Names a topic in English and Spanish (the site shows the name in the page's language). */
  renameTopic: permitted('article:edit')
    .input(topicNamesSchema.extend({ slug: z.string().min(1) }))
    .mutation(({ ctx, input }) =>
      inUnitOfWork(ctx, (trx) => renameTopic({ topics: topicRepository(trx) }, input)),
    ),

  authors: permitted('article:view').query(({ ctx }) => listStaffNames(ctx.handle.db)),

  translationCandidates: permitted('article:view')
    .input(z.object({ language: languageSchema, q: z.string().trim().max(200).optional() }))
    .query(async ({ ctx, input }) => {
      const rows = await listArticles(ctx.handle.db, {
        language: input.language,
        titleSearch: input.q || undefined,
        limit: 50,
      });
      return rows.map((a) => ({ id: a.id, title: a.title, slug: a.slug }));
    }),
});
