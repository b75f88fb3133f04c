// The admin's reads of articles, as the domain's view types: list rows with their author's name, and the editor's
// detail with its translation and public address.
import {
  articleDetail,
  articleListItem,
  type ArticleDetail,
  type ArticleStatus,
  type ArticleListItem,
  type Language,
} from '@ayni/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { findArticleById, listArticles, type ArticleListFilter } from './articles.js';
import { getSettings } from './settings.js';
import { staffNames } from './staff.js';

type Db = Kysely<Database>;

export async function listArticleItems(db: Db, filter: ArticleListFilter): Promise<ArticleListItem[]> {
  const rows = await listArticles(db, filter);
  const names = await staffNames(
    db,
    rows.map((a) => a.authorId),
  );
  const translations = await findTranslationTitles(
    db,
    rows.flatMap((a) => (a.translationId ? [a.translationId] : [])),
  );
  return rows.map((a) =>
    articleListItem(
      a,
      a.authorId ? (names.get(a.authorId) ?? null) : null,
      a.translationId ? (translations.get(a.translationId) ?? null) : null,
    ),
  );
}

/** The linked translations of a page of articles, by id, in one query. */
async function findTranslationTitles(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, NonNullable<ArticleListItem['translation']>>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'title', 'language', 'status'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, title: r.title, language: r.language as Language, status: r.status as ArticleStatus },
    ]),
  );
}

export async function findArticleDetail(db: Db, id: string): Promise<ArticleDetail | null> {
  const article = await findArticleById(db, id);
  if (!article) return null;
  const [translation, settings] = await Promise.all([
    article.translationId ? findArticleById(db, article.translationId) : null,
    getSettings(db),
  ]);
  return articleDetail(article, translation, settings.siteUrl);
}
