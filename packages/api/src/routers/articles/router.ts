// Articles and pages in the admin: list with filters (keyset pagination), read, create, edit with the version
// check, preview with the site's own renderer, and the status transitions the domain allows.
import { randomUUID } from 'node:crypto';
import {
  findArticleById,
  findArticleBySlug,
  getSettings,
  insertArticle,
  listArticles,
  listTopics,
  setTranslationLink,
  ensureTopics,
  updateArticle,
  type Database,
} from '@ayni/db';
import {
  DomainError,
  allowedActions,
  articleActions,
  articleInputSchema,
  articleKindSchema,
  articleStatusSchema,
  assertVersion,
  editArticle,
  languageSchema,
  newArticle,
  otherLanguage,
  slugify,
  transitionArticle,
  uniqueSlug,
  type Article,
} from '@ayni/domain';
import { renderMarkdown } from '@ayni/domain/markdown';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { audit, permitted, router } from '../../trpc.js';

/** Topics may be typed as names ("Human rights"): keep their names, refer to them by slug. */
async function resolveTopics(db: Kysely<Database>, raw: string[]): Promise<string[]> {
  const topics = raw.map((name) => ({ slug: slugify(name), name: name.trim() })).filter((t) => t.slug);
  await ensureTopics(db, topics);
  return [...new Set(topics.map((t) => t.slug))];
}

async function slugTaken(db: Kysely<Database>, language: 'en' | 'es', slug: string, exceptId?: string) {
  const found = await findArticleBySlug(db, language, slug);
  return found !== null && !found.redirected && found.article.id !== exceptId;
}

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

const editInputSchema = articleInputSchema.extend({
  topics: z
    .array(z.string().trim().min(1).max(60, { error: 'A topic must be at most 60 characters' }))
    .max(20)
    .default([]),
});

/** Links the two languages' versions both ways (and unlinks a previous partner). */
async function linkTranslation(db: Kysely<Database>, article: Article, previous: string | null) {
  if (previous && previous !== article.translationId) {
    const old = await findArticleById(db, previous);
    if (old?.translationId === article.id) await setTranslationLink(db, previous, null);
  }
  if (!article.translationId) return;
  const other = await findArticleById(db, article.translationId);
  if (!other)
    throw new DomainError('VALIDATION', 'The linked translation does not exist', { field: 'translationId' });
  if (other.language !== otherLanguage(article.language)) {
    throw new DomainError('VALIDATION', 'A translation must be in the other language', {
      field: 'translationId',
    });
  }
  await setTranslationLink(db, other.id, article.id);
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
    .input(editInputSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.handle.db.transaction().execute(async (trx) => {
        const topics = await resolveTopics(trx, input.topics);
        // A typed slug must be free; a generated one gets -2, -3… when taken.
        let slug = input.slug ?? undefined;
        if (slug && (await slugTaken(trx, input.language, slug))) {
          throw new DomainError(
            'CONFLICT',
            `Another ${input.language} article already uses the slug "${slug}"`,
            { field: 'slug' },
          );
        }
        if (!slug) {
          const base = slugify(input.title) || 'untitled';
          const taken = new Set<string>();
          for (let i = 0; i < 50; i++) {
            const candidate = uniqueSlug(base, taken);
            if (!(await slugTaken(trx, input.language, candidate))) {
              slug = candidate;
              break;
            }
            taken.add(candidate);
          }
        }
        const article = newArticle(
          { ...input, topics },
          {
            clock: ctx.clock,
            ids: { id: randomUUID, token: randomUUID },
            authorId: ctx.session.userId,
            ...(slug ? { slug } : {}),
          },
        );
        await insertArticle(trx, article);
        await linkTranslation(trx, article, null);
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
      });
    }),

  update: permitted('article:edit')
    .input(editInputSchema.extend({ id: z.string().min(1), version: z.number().int().min(1) }))
    .mutation(async ({ ctx, input }) => {
      return ctx.handle.db.transaction().execute(async (trx) => {
        const current = await findArticleById(trx, input.id);
        if (!current) throw new DomainError('NOT_FOUND', 'Article not found');
        assertVersion(current, input.version);
        const topics = await resolveTopics(trx, input.topics);
        const slug = input.slug ?? current.slug;
        if (await slugTaken(trx, input.language, slug, current.id)) {
          throw new DomainError(
            'CONFLICT',
            `Another ${input.language} article already uses the slug "${slug}"`,
            { field: 'slug' },
          );
        }
        const next = editArticle(current, { ...input, topics, slug }, ctx.clock);
        await updateArticle(trx, next);
        await linkTranslation(trx, next, current.translationId);
        const changed = (['title', 'slug', 'summary', 'body', 'language', 'kind'] as const).filter(
          (k) => current[k] !== next[k],
        );
        await audit(
          ctx,
          {
            action: 'article.update',
            resourceType: 'article',
            resourceId: next.id,
            summary: `Edited “${next.title}”${changed.length ? ` (${changed.join(', ')})` : ''}`,
          },
          trx,
        );
        return { id: next.id, version: next.version };
      });
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
      return ctx.handle.db.transaction().execute(async (trx) => {
        const current = await findArticleById(trx, input.id);
        if (!current) throw new DomainError('NOT_FOUND', 'Article not found');
        assertVersion(current, input.version);
        const next = transitionArticle(
          current,
          input.action,
          ctx.clock,
          input.at ? { at: new Date(input.at) } : undefined,
        );
        await updateArticle(trx, next);
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
      });
    }),

  topics: permitted('article:view').query(({ ctx }) => listTopics(ctx.handle.db)),

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
