// Articles: rows ↔ the domain's Article, topics in their own table, old slugs kept in article_slug_history.
import {
  DomainError,
  articleSlugTaken,
  escapeHtml,
  staleVersion,
  type Article,
  type ArticleKind,
  type ArticleRepository,
  type ArticleStatus,
  type Language,
} from '@ayni/domain';
import { markdownToText } from '@ayni/domain/markdown';
import { PostgresAdapter, sql, type Kysely, type Selectable } from 'kysely';
import { iso, isoOrNull, toDate, toDateOrNull } from '../mappers.js';
import type { ArticlesTable, Database } from '../schema.js';
import { conflictOnDuplicate } from '../errors.js';
import { createdBefore } from '../keyset.js';
import { contentVersion } from './settings.js';
import { linkTopics } from './topics.js';

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
    featuredImage:
      row.featured_image_url !== null
        ? { url: row.featured_image_url, alt: row.featured_image_alt ?? '' }
        : null,
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

async function writeTopics(db: Db, article: Article): Promise<void> {
  await linkTopics(db, 'article_topics', article.id, article.topics);
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
    featured_image_url: a.featuredImage?.url ?? null,
    featured_image_alt: a.featuredImage?.alt ?? null,
    search_text: markdownToText(a.body),
    version: a.version,
    created_at: iso(a.createdAt),
    updated_at: iso(a.updatedAt),
  };
}

/** A slug already used in the article's language is CONFLICT on `slug` (the unique index decides). */
function slugConflict(article: Article) {
  return articleSlugTaken(article.language, article.slug);
}

export async function insertArticle(db: Db, article: Article): Promise<Article> {
  await conflictOnDuplicate(
    () => db.insertInto('articles').values(toRow(article)).execute(),
    slugConflict(article),
  );
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
  const { id: _id, created_at: _created, ...changes } = toRow(article);
  const result = await conflictOnDuplicate(
    () =>
      db
        .updateTable('articles')
        .set(changes)
        .where('id', '=', article.id)
        .where('version', '=', article.version - 1)
        .executeTakeFirst(),
    slugConflict(article),
  );
  if (Number(result.numUpdatedRows) !== 1) throw staleVersion('article');
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

/** Links `articleId` to its translation (or unlinks it with null). */
export async function setTranslationLink(
  db: Db,
  articleId: string,
  translationId: string | null,
): Promise<void> {
  await db
    .updateTable('articles')
    .set({ translation_id: translationId })
    .where('id', '=', articleId)
    .execute();
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

function publishedNews(db: Db, options: { language: Language; topic?: string | undefined }) {
  let q = db
    .selectFrom('articles')
    .where('status', '=', 'published')
    .where('kind', '=', 'news')
    .where('language', '=', options.language);
  if (options.topic) {
    const topic = options.topic;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('article_topics').select('article_id').where('topic_slug', '=', topic),
    );
  }
  return q;
}

/** Published news, newest first (ties broken by id so pages are stable); optionally of one topic. */
export async function listPublishedNews(
  db: Db,
  options: { language: Language; limit: number; offset?: number; topic?: string | undefined },
): Promise<Article[]> {
  const rows = await publishedNews(db, options)
    .selectAll()
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

export async function countPublishedNews(
  db: Db,
  options: { language: Language; topic?: string | undefined },
): Promise<number> {
  const row = await publishedNews(db, options)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Published articles in the same language sharing a topic with `article`, newest first. */
export async function listRelatedArticles(db: Db, article: Article, limit: number): Promise<Article[]> {
  if (article.topics.length === 0) return [];
  const rows = await publishedNews(db, { language: article.language })
    .selectAll()
    .where('id', '<>', article.id)
    .where('id', 'in', (eb) =>
      eb.selectFrom('article_topics').select('article_id').where('topic_slug', 'in', article.topics),
    )
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return withTopics(db, rows);
}

export interface ArticleListFilter {
  status?: ArticleStatus | undefined;
  kind?: ArticleKind | undefined;
  language?: Language | undefined;
  topic?: string | undefined;
  authorId?: string | undefined;
  /** Title contains (case-insensitive). */
  titleSearch?: string | undefined;
  limit: number;
  /** The createdAt/id of the last row of the previous page. */
  before?: { createdAt: Date; id: string } | undefined;
}

/** The admin's list: newest created first, keyset-paginated on (created_at, id) so deep pages stay fast. */
export async function listArticles(db: Db, f: ArticleListFilter): Promise<Article[]> {
  let q = db.selectFrom('articles').selectAll();
  if (f.status) q = q.where('status', '=', f.status);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.language) q = q.where('language', '=', f.language);
  if (f.authorId) q = q.where('author_id', '=', f.authorId);
  if (f.topic) {
    const topic = f.topic;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('article_topics').select('article_id').where('topic_slug', '=', topic),
    );
  }
  if (f.titleSearch) {
    const pattern = `%${f.titleSearch.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<boolean>`lower(title) like ${pattern} escape '\\'`);
  }
  if (f.before) q = q.where(createdBefore(f.before));
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  return withTopics(db, rows);
}

/** Scheduled articles whose time has come (the sweep publishes them). */
export async function listDueScheduled(db: Db, now: Date, limit = 100): Promise<Article[]> {
  const rows = await db
    .selectFrom('articles')
    .selectAll()
    .where('status', '=', 'scheduled')
    .where('scheduled_for', '<=', iso(now))
    .orderBy('scheduled_for')
    .limit(limit)
    .execute();
  return withTopics(db, rows);
}

/** Published news and pages in both languages, for the sitemap. */
export async function listPublishedForSitemap(db: Db): Promise<Article[]> {
  const rows = await db
    .selectFrom('articles')
    .selectAll()
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .execute();
  return withTopics(db, rows);
}

/**
 * Changes whenever anything the public site shows changes: an article or page is published, edited, unpublished
 * or archived, or the settings change. Used in ETags.
 */
export async function publishedFingerprint(db: Db): Promise<string> {
  return contentVersion(db);
}

export interface SearchResult {
  article: Article;
  /** Escaped text with the matched words in <mark>…</mark>: safe to insert as HTML. */
  excerptHtml: string;
}

const MARK_OPEN = '\u0001';
const MARK_CLOSE = '\u0002';

/** Escapes the snippet, then turns the database's match markers into <mark> elements. */
function excerptToHtml(snippet: string): string {
  return escapeHtml(snippet).replaceAll(MARK_OPEN, '<mark>').replaceAll(MARK_CLOSE, '</mark>');
}

/** Words only: each becomes a quoted FTS5 term (no operators reach the engine). */
function words(query: string): string[] {
  return query
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
}

/**
 * Full-text search over published articles: title, summary and the text of the body, ranked, accents ignored
 * both ways, no stemming. Every word must match.
 */
export async function searchPublished(
  db: Db,
  options: { query: string; language?: Language | undefined; limit: number; offset?: number },
): Promise<{ results: SearchResult[]; total: number }> {
  const terms = words(options.query);
  if (terms.length === 0) return { results: [], total: 0 };
  const offset = options.offset ?? 0;
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  type Row = Selectable<ArticlesTable> & { excerpt: string | null };
  let rows: Row[];
  let total: number;
  if (isPg) {
    const tsquery = sql`to_tsquery('ayni_unaccent', ${terms.map((t) => `'${t.replace(/'/g, "''")}'`).join(' & ')})`;
    const lang = options.language ? sql`and a.language = ${options.language}` : sql``;
    rows = (
      await sql<Row>`select a.*, ts_headline('ayni_unaccent', a.title || '. ' || a.summary || ' ' || a.search_text, ${tsquery},
          ${`StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}, MaxWords=30, MinWords=12, MaxFragments=1`}) as excerpt
        from articles a
        where a.status = 'published' and a.search_vector @@ ${tsquery} ${lang}
        order by ts_rank(a.search_vector, ${tsquery}) desc, a.published_at desc, a.id desc
        limit ${options.limit} offset ${offset}`.execute(db)
    ).rows;
    total = Number(
      (
        await sql<{ n: number }>`select count(*) as n from articles a
          where a.status = 'published' and a.search_vector @@ ${tsquery} ${lang}`.execute(db)
      ).rows[0]!.n,
    );
  } else {
    const match = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
    const lang = options.language ? sql`and a.language = ${options.language}` : sql``;
    rows = (
      await sql<Row>`select a.*, snippet(articles_fts, -1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 16) as excerpt
        from articles_fts join articles a on a.rowid = articles_fts.rowid
        where articles_fts match ${match} and a.status = 'published' ${lang}
        order by bm25(articles_fts, 10.0, 4.0, 1.0), a.published_at desc, a.id desc
        limit ${options.limit} offset ${offset}`.execute(db)
    ).rows;
    total = Number(
      (
        await sql<{
          n: number;
        }>`select count(*) as n from articles_fts join articles a on a.rowid = articles_fts.rowid
          where articles_fts match ${match} and a.status = 'published' ${lang}`.execute(db)
      ).rows[0]!.n,
    );
  }
  const articles = await withTopics(db, rows);
  return {
    results: articles.map((article, i) => ({
      article,
      excerptHtml: excerptToHtml(rows[i]!.excerpt ?? article.summary),
    })),
    total,
  };
}

/** The domain's ArticleRepository port on `db` (a transaction, from the unit of work). */
export function articleRepository(db: Db): ArticleRepository {
  return {
    findById: (id) => findArticleById(db, id),
    async slugsLike(language, base) {
      const rows = await db
        .selectFrom('articles')
        .select('slug')
        .where('language', '=', language)
        .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
        .execute();
      return new Set(rows.map((r) => r.slug));
    },
    async insert(article) {
      await insertArticle(db, article);
    },
    async update(article, expectedVersion) {
      if (article.version !== expectedVersion + 1) throw staleVersion('article');
      await updateArticle(db, article);
    },
    setTranslation: (articleId, translationId) => setTranslationLink(db, articleId, translationId),
  };
}

/**
 * The published news a campaign's page shows in `language`: its updates (attached to the campaign, newest first),
 * and related articles — those staff picked, in their order, then news sharing the campaign's topics, newest
 * first — with no article in both lists.
 */
export async function listCampaignArticles(
  db: Db,
  campaignId: string,
  language: Language,
  limit: number,
): Promise<{ updates: Article[]; related: Article[] }> {
  const linked = (relation: 'update' | 'related') =>
    publishedNews(db, { language })
      .innerJoin('campaign_articles as ca', 'ca.article_id', 'articles.id')
      .selectAll('articles')
      .where('ca.campaign_id', '=', campaignId)
      .where('ca.relation', '=', relation);
  const [updates, picked] = await Promise.all([
    linked('update').orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute(),
    linked('related').orderBy('ca.position').orderBy('published_at', 'desc').limit(limit).execute(),
  ]);
  const shown = new Set([...updates, ...picked].map((a) => a.id));
  const byTopic =
    picked.length < limit
      ? await publishedNews(db, { language })
          .selectAll()
          .where('id', 'in', (eb) =>
            eb
              .selectFrom('article_topics as at')
              .innerJoin('campaign_topics as ct', 'ct.topic_slug', 'at.topic_slug')
              .select('at.article_id')
              .where('ct.campaign_id', '=', campaignId),
          )
          .orderBy('published_at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit + shown.size)
          .execute()
      : [];
  const related = [...picked, ...byTopic.filter((a) => !shown.has(a.id))].slice(0, limit);
  return { updates: await withTopics(db, updates), related: await withTopics(db, related) };
}
