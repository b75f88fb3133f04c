// Looking up a published article or page by its URL: 404 for unknown or unpublished, 410 for archived, 301 from
// an old slug to the current one, and the published translation (for hreflang and the language switch).
import { findArticleById, findArticleBySlug } from '@ayni/db';
import type { Article, ArticleKind, Language } from '@ayni/domain';
import { redirect } from '@remix-run/node';
import { db } from './db.server.js';
import { articlePath } from './news.server.js';
import { notFound } from './site.server.js';

export async function findPublished(
  lang: Language,
  kind: ArticleKind,
  slug: string,
): Promise<{ article: Article; translation: Article | null }> {
  const found = await findArticleBySlug(db(), lang, slug);
  if (!found || found.article.kind !== kind) notFound();
  const { article } = found;
  if (article.status === 'archived') throw new Response('Gone', { status: 410 });
  if (article.status !== 'published') notFound();
  if (found.redirected) throw redirect(articlePath(article), 301);
  const translation = article.translationId ? await findArticleById(db(), article.translationId) : null;
  return {
    article,
    translation:
      translation && translation.status === 'published' && translation.kind === kind ? translation : null,
  };
}

/** Paths of this article in each language it is published in. */
export function translationPaths(
  article: Article,
  translation: Article | null,
): Partial<Record<Language, string>> {
  return {
    [article.language]: articlePath(article),
    ...(translation ? { [translation.language]: articlePath(translation) } : {}),
  };
}
