// Looking up an article or page by its address and acting on the domain's verdict (articles/visibility.ts): 404,
// 410, one 301 (from an old slug, or from an English address to the Spanish article it names), or the article with
// the translation it links to (hreflang and the language switch).
import { findArticleById, findArticleBySlug } from '@ayni/db';
import {
  articlePath,
  articleVisibility,
  misplacedArticlePath,
  visibleTranslation,
  type Article,
  type ArticleKind,
  type Language,
} from '@ayni/domain';
import { redirect } from '@remix-run/node';
import { db } from './db.server.js';
import { notFound } from './site.server.js';

export async function findPublished(
  lang: Language,
  kind: ArticleKind,
  slug: string,
): Promise<{ article: Article; translation: Article | null }> {
  const found = await findArticleBySlug(db(), lang, slug);
  const verdict = articleVisibility(found, kind);
  switch (verdict.show) {
    case 'not-found': {
      // Only an English address that names no English article can be a Spanish one written without /es.
      const misplaced =
        lang === 'en' && found === null
          ? misplacedArticlePath({ language: lang, kind }, found, await findArticleBySlug(db(), 'es', slug))
          : null;
      if (misplaced) throw redirect(misplaced, 301);
      return notFound();
    }
    case 'gone':
      throw new Response('Gone', { status: 410 });
    case 'moved':
      throw redirect(verdict.location, 301);
    case 'article': {
      const { article } = verdict;
      const translation = article.translationId ? await findArticleById(db(), article.translationId) : null;
      return { article, translation: visibleTranslation(article, translation) };
    }
  }
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
