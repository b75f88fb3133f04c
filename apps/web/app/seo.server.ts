// Builds a page's Seo from the site context: absolute canonical and alternate URLs from settings.siteUrl.
import type { Language } from './i18n.js';
import { localePath } from './i18n.js';
import type { Seo } from './seo.js';
import type { SiteContext } from './site.server.js';

export function seoFor(
  ctx: SiteContext,
  page: {
    title: string;
    description: string;
    /** The path without the language prefix, when the page exists under the same path in each language. */
    path: string;
    /** Languages the same path exists in, or explicit (already prefixed) paths per language. */
    alternates: Language[] | Partial<Record<Language, string>>;
    type?: Seo['type'];
    image?: Seo['image'];
    publishedTime?: string;
    modifiedTime?: string;
  },
): { seo: Seo; alternatePaths: Partial<Record<Language, string>> } {
  const alternatePaths: Partial<Record<Language, string>> = Array.isArray(page.alternates)
    ? Object.fromEntries(page.alternates.map((l) => [l, localePath(l, page.path)]))
    : page.alternates;
  const ownPath = alternatePaths[ctx.lang] ?? localePath(ctx.lang, page.path);
  const alternates = Object.fromEntries(
    Object.entries(alternatePaths).map(([l, p]) => [l, `${ctx.siteUrl}${p}`]),
  ) as Partial<Record<Language, string>>;
  return {
    seo: {
      title: page.title,
      description: page.description,
      siteName: ctx.settings.organisationName,
      url: `${ctx.siteUrl}${ownPath}`,
      lang: ctx.lang,
      alternates,
      type: page.type ?? 'website',
      image: page.image ?? null,
      ...(page.publishedTime ? { publishedTime: page.publishedTime } : {}),
      ...(page.modifiedTime ? { modifiedTime: page.modifiedTime } : {}),
    },
    alternatePaths,
  };
}
