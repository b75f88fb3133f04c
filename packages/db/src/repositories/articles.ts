// Articles: rows ↔ the domain's Article, topics in their own table, old slugs kept in article_slug_history.
import { DomainError, type Article, type ArticleStatus, type Language } from '@ayni/domain';
import type { Kysely, Selectable } from 'kysely';
import { iso, isoOrNull, toDate, toDateOrNull } from '../mappers.js';
import type { ArticlesTable, Database } from '../schema.js';

type Db = Kysely<Database>;

function toArticle(row: Selectable<ArticlesTable>, topics: string[]): Article {
  return {
    id: row.id,
    kind: row.kind as Article['kind'],
    navOrder: row.nav_order,
    language: row.language as Language,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: row.body,
    topics,
    status: row.status as ArticleStatus,
    publishedAt: toDateOrNull(row.published_at),
    scheduledFor: toDateOrNull(row.scheduled_for),
    translationId: row.translation_id,
    authorId: row.author_id,
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

async function topicsFor(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('article_topics')
    .select(['article_id', 'topic_slug'])
    .where('article_id', 'in', ids)
    .orderBy('topic_slug')
    .execute();
  for (const r of rows) map.set(r.article_id, [...(map.get(r.article_id) ?? []), r.topic_slug]);
  return map;
}

async function withTopics(db: Db, rows: Selectable<ArticlesTable>[]): Promise<Article[]> {
  const topics = await topicsFor(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toArticle(r, topics.get(r.id) ?? []));
}

export async function ensureTopics(db: Db, topics: { slug: string; name: string }[]): Promise<void> {
  for (const t of topics) {
    await db
      .insertInto('topics')
      .values(t)
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute();
  }
}

async function writeTopics(db: Db, article: Article): Promise<void> {
  await ensureTopics(
    db,
    article.topics.map((slug) => ({ slug, name: slug.replace(/-/g, ' ') })),
  );
  await db.deleteFrom('article_topics').where('article_id', '=', article.id).execute();
  if (article.topics.length > 0) {
    await db
      .insertInto('article_topics')
      .values(article.topics.map((topic_slug) => ({ article_id: article.id, topic_slug })))
      .execute();
  }
}

function toRow(a: Article) {
  return {
    id: a.id,
    kind: a.kind,
    nav_order: a.navOrder,
    language: a.language,
    slug: a.slug,
    title: a.title,
    summary: a.summary,
    body: a.body,
    status: a.status,
    published_at: isoOrNull(a.publishedAt),
    scheduled_for: isoOrNull(a.scheduledFor),
    translation_id: a.translationId,
    author_id: a.authorId,
    version: a.version,
    created_at: iso(a.createdAt),
    updated_at: iso(a.updatedAt),
  };
}

async function assertSlugFree(db: Db, article: Article): Promise<void> {
  const clash = await db
    .selectFrom('articles')
    .select('id')
    .where('language', '=', article.language)
    .where('slug', '=', article.slug)
    .where('id', '<>', article.id)
    .executeTakeFirst();
  if (clash) {
    throw new DomainError(
      'CONFLICT',
      `Another ${article.language} article already uses the slug "${article.slug}"`,
      {
        field: 'slug',
      },
    );
  }
}

export async function insertArticle(db: Db, article: Article): Promise<Article> {
  await assertSlugFree(db, article);
  await db.insertInto('articles').values(toRow(article)).execute();
  await writeTopics(db, article);
  return article;
}

/**
 * Saves `article`, whose version must be exactly one more than the stored one (optimistic concurrency: the
 * update matches only the version the caller read). When the slug changed, the old one is kept in history.
 */
export async function updateArticle(db: Db, article: Article): Promise<Article> {
  const current = await db
    .selectFrom('articles')
    .select(['slug', 'language', 'version'])
    .where('id', '=', article.id)
    .executeTakeFirst();
  if (!current) throw new DomainError('NOT_FOUND', 'Article not found');
  await assertSlugFree(db, article);
  const { id: _id, created_at: _created, ...changes } = toRow(article);
  const result = await db
    .updateTable('articles')
    .set(changes)
    .where('id', '=', article.id)
    .where('version', '=', article.version - 1)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new DomainError(
      'STALE_VERSION',
      'This article was changed by someone else since you opened it. Reload to see their changes.',
    );
  }
  if (current.slug !== article.slug || current.language !== article.language) {
    await db
      .deleteFrom('article_slug_history')
      .where('language', '=', article.language)
      .where('slug', '=', article.slug)
      .execute();
    await db
      .insertInto('article_slug_history')
      .values({
        language: current.language,
        slug: current.slug,
        article_id: article.id,
        created_at: iso(article.updatedAt),
      })
      .onConflict((oc) => oc.columns(['language', 'slug']).doUpdateSet({ article_id: article.id }))
      .execute();
  }
  await writeTopics(db, article);
  return article;
}

export async function findArticleById(db: Db, id: string): Promise<Article | null> {
  const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? ((await withTopics(db, [row]))[0] ?? null) : null;
}

export type ArticleLookup = { article: Article; currentSlug: string; redirected: boolean } | null;

/** Finds an article by its slug in a language, following the slug history (the caller answers 301). */
export async function findArticleBySlug(db: Db, language: Language, slug: string): Promise<ArticleLookup> {
  const row = await db
    .selectFrom('articles')
    .selectAll()
    .where('language', '=', language)
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (row) {
    const [article] = await withTopics(db, [row]);
    return article ? { article, currentSlug: article.slug, redirected: false } : null;
  }
  const old = await db
    .selectFrom('article_slug_history')
    .select('article_id')
    .where('language', '=', language)
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!old) return null;
  const article = await findArticleById(db, old.article_id);
  return article ? { article, currentSlug: article.slug, redirected: true } : null;
}

/** Published news, newest first (ties broken by id so pages are stable). */
export async function listPublishedNews(
  db: Db,
  options: { language: Language; limit: number; offset?: number },
): Promise<Article[]> {
  const rows = await db
    .selectFrom('articles')
    .selectAll()
    .where('status', '=', 'published')
    .where('kind', '=', 'news')
    .where('language', '=', options.language)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
  return withTopics(db, rows);
}

/** Published static pages in navigation order. */
export async function listNavigationPages(db: Db, language: Language): Promise<Article[]> {
  const rows = await db
    .selectFrom('articles')
    .selectAll()
    .where('status', '=', 'published')
    .where('kind', '=', 'page')
    .where('language', '=', language)
    .orderBy('nav_order')
    .orderBy('title')
    .execute();
  return withTopics(db, rows);
}

export async function countArticlesByStatus(db: Db): Promise<Record<ArticleStatus, number>> {
  const rows = await db
    .selectFrom('articles')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<ArticleStatus, number> = { draft: 0, scheduled: 0, published: 0, archived: 0 };
  for (const r of rows) counts[r.status as ArticleStatus] = Number(r.n);
  return counts;
}
