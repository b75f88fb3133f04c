// What the public site shows at an article's address: the article, a 404, a 410, or one 301 to where it lives now —
// and which translation it links to. Pure: the site looks the articles up and acts on the verdict.
import type { Language } from '../shared/locale.js';
import { articlePath } from '../shared/paths.js';
import type { Article, ArticleKind } from './schema.js';

/** An article found by its slug in one language; `redirected` when the slug was one of its old ones. */
export interface ArticleBySlug {
  article: Article;
  redirected: boolean;
}

export type ArticleVisibility =
  | { show: 'article'; article: Article }
  | { show: 'not-found' }
  | { show: 'gone' }
  | { show: 'moved'; location: string };

/**
 * The verdict for /news/:slug (kind 'news') or /:slug (kind 'page'): unknown, of the other kind or not published
 * (a draft, a scheduled article) → not found; archived → gone, so that search engines drop it; found by an old slug
 * → moved to its current address; else the article.
 */
export function articleVisibility(found: ArticleBySlug | null, kind: ArticleKind): ArticleVisibility {
  if (!found || found.article.kind !== kind) return { show: 'not-found' };
  const { article } = found;
  if (article.status === 'archived') return { show: 'gone' };
  if (article.status !== 'published') return { show: 'not-found' };
  if (found.redirected) return { show: 'moved', location: articlePath(article) };
  return { show: 'article', article };
}

/** The translation an article links to (hreflang, the language switch): only a published one of the same kind. */
export function visibleTranslation(article: Article, translation: Article | null): Article | null {
  if (!translation) return null;
  if (translation.id !== article.translationId || translation.language === article.language) return null;
  return translation.status === 'published' && translation.kind === article.kind ? translation : null;
}

/**
 * Where an English address that names a Spanish article belongs ('/news/<spanish-slug>' → '/es/news/<spanish-slug>',
 * '/<spanish-page-slug>' → '/es/<slug>'): only when no English article has the slug (whatever its state, so that a
 * draft's address is never sent elsewhere) and the Spanish one, of the same kind, is published. Null otherwise.
 * The other way round stays a 404: a Spanish address names Spanish content only.
 */
export function misplacedArticlePath(
  requested: { language: Language; kind: ArticleKind },
  inRequestedLanguage: ArticleBySlug | null,
  inSpanish: ArticleBySlug | null,
): string | null {
  if (requested.language !== 'en' || inRequestedLanguage !== null || inSpanish === null) return null;
  const { article } = inSpanish;
  if (article.language !== 'es' || article.kind !== requested.kind || article.status !== 'published')
    return null;
  return articlePath(article);
}
