// The admin's reads of articles, as the domain's view types: list rows with their author's name, and the editor's
// detail with its translation and public address.
import { articleDetail, articleListItem, type ArticleDetail, type ArticleListItem } from '@ayni/domain';
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
  return rows.map((a) => articleListItem(a, a.authorId ? (names.get(a.authorId) ?? null) : null));
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
