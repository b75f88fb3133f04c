// Articles and pages in the admin: list with filters (keyset pagination), read, create, edit with the version
// check, preview with the site's own renderer, and the status transitions the domain allows. Each write is a
// domain use case (packages/domain/src/articles/service.ts) in the unit of work (audit entry and what changed).
import { findArticleDetail, listArticleItems, listArticles, listStaffNames, listTopics } from '@ayni/db';
import {
  DomainError,
  articleActions,
  articleDetailSchema,
  articleListItemSchema,
  articleEditSchema,
  articleKindSchema,
  articleSchema,
  articleStatusSchema,
  changeArticleStatus,
  createArticle,
  languageSchema,
  saveArticleEdits,
  topicSchema,
} from '@ayni/domain';
import { renderMarkdown } from '@ayni/domain/markdown';
import { z } from 'zod';
import { savedVersionSchema } from '../../outputs.js';
import { createdBefore, keysetPage, pageInput, pageOf } from '../../pagination.js';
import { articlePorts } from '../../ports.js';
import { inUnitOfWork, permitted, router } from '../../trpc.js';

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
        ...pageInput(25),
      }),
    )
    .output(pageOf('articles', articleListItemSchema))
    .query(async ({ ctx, input }) => {
      const rows = await listArticleItems(ctx.handle.db, {
        status: input.status,
        kind: input.kind,
        language: input.language,
        topic: input.topic,
        authorId: input.authorId,
        titleSearch: input.q || undefined,
        limit: input.limit + 1,
        before: createdBefore(input.cursor),
      });
      const { page, nextCursor } = keysetPage(rows, input.limit, (a) => a.createdAt);
      return { articles: page, nextCursor };
    }),

  get: permitted('article:view')
    .input(z.object({ id: z.string().min(1) }))
    .output(articleDetailSchema)
    .query(async ({ ctx, input }) => {
      const detail = await findArticleDetail(ctx.handle.db, input.id);
      if (!detail) throw new DomainError('NOT_FOUND', 'Article not found');
      return detail;
    }),

  create: permitted('article:edit')
    .input(articleEditSchema)
    .output(savedVersionSchema)
    .mutation(async ({ ctx, input }) => {
      const article = await inUnitOfWork(ctx, (trx) =>
        createArticle(articlePorts(ctx, trx), { edit: input, authorId: ctx.session.userId }),
      );
      return { id: article.id, version: article.version };
    }),

  update: permitted('article:edit')
    .input(articleEditSchema.extend({ id: z.string().min(1), version: z.number().int().min(1) }))
    .output(savedVersionSchema)
    .mutation(async ({ ctx, input: { id, version, ...edit } }) => {
      const { after } = await inUnitOfWork(ctx, (trx) =>
        saveArticleEdits(articlePorts(ctx, trx), { id, expectedVersion: version, edit }),
      );
      return { id: after.id, version: after.version };
    }),

  preview: permitted('article:edit')
    .input(z.object({ body: z.string().max(200_000) }))
    .output(z.object({ html: z.string() }))
    .mutation(({ input }) => ({ html: renderMarkdown(input.body) })),

  transition: permitted('article:publish')
    .input(
      z.object({
        id: z.string().min(1),
        version: z.number().int().min(1),
        action: z.enum(articleActions),
        at: z.iso.datetime({ offset: true }).optional(),
      }),
    )
    .output(savedVersionSchema.extend({ status: articleStatusSchema }))
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

  topics: permitted('article:view')
    .output(z.array(topicSchema))
    .query(({ ctx }) => listTopics(ctx.handle.db)),

  /** Everyone who can write, to filter the list by author. */
  authors: permitted('article:view')
    .output(z.array(z.object({ id: z.string().min(1), name: z.string() })))
    .query(({ ctx }) => listStaffNames(ctx.handle.db)),

  translationCandidates: permitted('article:view')
    .input(z.object({ language: languageSchema, q: z.string().trim().max(200).optional() }))
    .output(z.array(articleSchema.pick({ id: true, title: true, slug: true })))
    .query(async ({ ctx, input }) => {
      const rows = await listArticles(ctx.handle.db, {
        language: input.language,
        titleSearch: input.q || undefined,
        limit: 50,
      });
      return rows.map((a) => ({ id: a.id, title: a.title, slug: a.slug }));
    }),
});
