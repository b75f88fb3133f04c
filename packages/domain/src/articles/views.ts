// What the admin reads about articles: a row of the list and the editor's detail. packages/db's query functions
// return these; the derived parts (the actions the status allows, the public address) are computed here.
import { absoluteUrl, articlePath } from '../shared/paths.js';
import { allowedActions, type ArticleAction } from './rules.js';
import type { Article } from './schema.js';

/** One row of the admin's articles list. */
export type ArticleListItem = Pick<
  Article,
  | 'id'
  | 'kind'
  | 'language'
  | 'slug'
  | 'title'
  | 'status'
  | 'topics'
  | 'publishedAt'
  | 'scheduledFor'
  | 'createdAt'
  | 'updatedAt'
> & {
  authorName: string | null;
  /** The same article in the other language, when one is linked: listed with it. */
  translation: Pick<Article, 'id' | 'title' | 'language' | 'status'> | null;
};

/** The article the editor opens: the article, its translation (if linked), what may be done next, where it is read. */
export interface ArticleDetail extends Article {
  translation: Pick<Article, 'id' | 'title' | 'language' | 'slug'> | null;
  allowedActions: ArticleAction[];
  /** The address the public reads it at; null while it is not published. */
  publicUrl: string | null;
}

export function articleListItem(
  article: Article,
  authorName: string | null,
  translation: ArticleListItem['translation'] = null,
): ArticleListItem {
  const { id, kind, language, slug, title, status, topics, publishedAt, scheduledFor, createdAt, updatedAt } =
    article;
  return {
    id,
    kind,
    language,
    slug,
    title,
    status,
    topics,
    authorName,
    translation: translation
      ? {
          id: translation.id,
          title: translation.title,
          language: translation.language,
          status: translation.status,
        }
      : null,
    publishedAt,
    scheduledFor,
    createdAt,
    updatedAt,
  };
}

export function articleDetail(article: Article, translation: Article | null, siteUrl: string): ArticleDetail {
  return {
    ...article,
    translation: translation
      ? {
          id: translation.id,
          title: translation.title,
          language: translation.language,
          slug: translation.slug,
        }
      : null,
    allowedActions: allowedActions(article.status),
    publicUrl: article.status === 'published' ? absoluteUrl(siteUrl, articlePath(article)) : null,
  };
}
