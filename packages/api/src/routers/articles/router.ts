// Articles and pages in the admin: list with filters (keyset pagination), read, create, edit with the version
// check, preview with the site's own renderer, and the status transitions the domain allows. The writes are the
// domain's use cases (packages/domain/src/articles/service.ts) on the request's transaction, plus an audit entry.
import {
  articleRepository,
  findArticleById,
  getSettings,
  listArticles,
  listTopics,
  renameTopic,
  randomIds,
  type Database,
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
  saveArticleEdits,
  topicNamesSchema,
  type Article,
  type ArticlePorts,
  type Clock,
} from '@ayni/domain';
import { renderMarkdown } from '@ayni/domain/markdown';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { audit, permitted, router } from '../../trpc.js';

async function authorNames(db: Kysely<Database>, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('user').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function toDetail(db: Kysely<Database>, a: Article) {
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

/** The use cases' ports on the request's transaction. */
function ports(ctx: { clock: Clock }, trx: Kysely<Database>): ArticlePorts {
  return { articles: articleRepository(trx), clock: ctx.clock, ids: randomIds };
}

const pastTense = {
  publish: 'Published',
  schedule: 'Scheduled',
  unschedule: 'Unscheduled',
  unpublish: 'Unpublished',
  archive: 'Archived',
  restore: 'Restored',
} as const;

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
      const names = await authorNames(
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
    .mutation(({ ctx, input }) =>
      ctx.handle.db.transaction().execute(async (trx) => {
        const article = await createArticle(input, ctx.session.userId, ports(ctx, trx));
        await audit(
          ctx,
          {
            action: 'article.create',
            resourceType: 'article',
            resourceId: article.id,
            summary: `Created the ${article.language} ${article.kind} “${article.title}”`,
          },
          trx,
        );
        return { id: article.id, version: article.version };
      }),
    ),

  update: permitted('article:edit')
    .input(articleEditSchema.extend({ id: z.string().min(1), version: z.number().int().min(1) }))
    .mutation(({ ctx, input }) =>
      ctx.handle.db.transaction().execute(async (trx) => {
        const { id, version, ...edit } = input;
        const { before, after } = await saveArticleEdits(id, version, edit, ports(ctx, trx));
        const changed = (['title', 'slug', 'summary', 'body', 'language', 'kind'] as const).filter(
          (k) => before[k] !== after[k],
        );
        await audit(
          ctx,
          {
            action: 'article.update',
            resourceType: 'article',
            resourceId: after.id,
            summary: `Edited “${after.title}”${changed.length ? ` (${changed.join(', ')})` : ''}`,
          },
          trx,
        );
        return { id: after.id, version: after.version };
      }),
    ),

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
    .mutation(({ ctx, input }) =>
      ctx.handle.db.transaction().execute(async (trx) => {
        const at = input.at ? new Date(input.at) : undefined;
        const next = await changeArticleStatus(input.id, input.version, input.action, at, ports(ctx, trx));
        const when = next.scheduledFor ? ` for ${next.scheduledFor.toISOString()}` : '';
        await audit(
          ctx,
          {
            action: `article.${input.action}`,
            resourceType: 'article',
            resourceId: next.id,
            summary: `${pastTense[input.action]} “${next.title}”${when}`,
          },
          trx,
        );
        return { id: next.id, version: next.version, status: next.status };
      }),
    ),

  topics: permitted('article:view').query(({ ctx }) => listTopics(ctx.handle.db)),

  /** Names a topic in English and Spanish (the site shows the name in the page's language). */
  renameTopic: permitted('article:edit')
    .input(topicNamesSchema.extend({ slug: z.string().min(1) }))
    .mutation(({ ctx, input }) =>
      ctx.handle.db.transaction().execute(async (trx) => {
        const topic = await renameTopic(trx, input.slug, { name: input.name, nameEs: input.nameEs });
        await audit(
          ctx,
          {
            action: 'topic.rename',
            resourceType: 'topic',
            resourceId: topic.slug,
            summary: `Named the topic ${topic.slug} “${topic.name}”${topic.nameEs ? ` / “${topic.nameEs}”` : ''}`,
          },
          trx,
        );
        return topic;
      }),
    ),

  authors: permitted('article:view').query(async ({ ctx }) =>
    ctx.handle.db.selectFrom('user').select(['id', 'name']).orderBy('name').execute(),
  ),

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
