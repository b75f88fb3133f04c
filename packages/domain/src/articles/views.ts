// What the admin reads about articles: a row of the list and the editor's detail, as schemas the API declares as its
// output. packages/db's query functions return these; the derived parts (the actions the status allows, the public
// address) are computed here.
import { z } from 'zod';
import { absoluteUrl, articlePath } from '../shared/paths.js';
import { allowedActions, articleActions } from './rules.js';
import { articleSchema, type Article } from './schema.js';

/** One row of the admin's articles list. */
export const articleListItemSchema = articleSchema
  .pick({
    id: true,
    kind: true,
    language: true,
    slug: true,
    title: true,
    status: true,
    topics: true,
    publishedAt: true,
    scheduledFor: true,
    createdAt: true,
    updatedAt: true,
  })
  .extend({
    authorName: z.string().nullable(),
    /** The same article in the other language, when one is linked: listed with it. */
    translation: articleSchema.pick({ id: true, title: true, language: true, status: true }).nullable(),
  });
export type ArticleListItem = z.infer<typeof articleListItemSchema>;

/** The article the editor opens: the article, its translation (if linked), what may be done next, where it is read. */
export const articleDetailSchema = articleSchema.extend({
  translation: articleSchema.pick({ id: true, title: true, language: true, slug: true }).nullable(),
  allowedActions: z.array(z.enum(articleActions)),
  /** The address the public reads it at; null while it is not published. */
  publicUrl: z.string().nullable(),
});
export type ArticleDetail = z.infer<typeof articleDetailSchema>;

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
