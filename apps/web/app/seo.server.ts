// Builds a page's Seo from the site context: absolute canonical and alternate URLs from settings.siteUrl.
import { absoluteUrl } from '@ayni/domain/paths';
import type { Language } from './i18n.js';
import type { Seo } from './seo.js';
import type { SiteContext } from './site.server.js';

export function seoFor(
  ctx: SiteContext,
  page: {
    title: string;
    description: string;
    /** This page's path (from the domain's path functions), with the query that makes it this page. */
    path: string;
    /** The page's path in each language it exists in (hreflang, the language switch); none when it has no pair. */
    alternates: Partial<Record<Language, string>>;
    type?: Seo['type'];
    image?: Seo['image'];
    publishedTime?: string;
    modifiedTime?: string;
  },
): { seo: Seo; alternatePaths: Partial<Record<Language, string>> } {
  const alternatePaths: Partial<Record<Language, string>> = { ...page.alternates, [ctx.lang]: page.path };
  const alternates = Object.fromEntries(
    Object.entries(alternatePaths).map(([l, p]) => [l, absoluteUrl(ctx.siteUrl, p)]),
  ) as Partial<Record<Language, string>>;
  return {
    seo: {
      title: page.title,
      description: page.description,
      siteName: ctx.settings.organisationName,
      url: absoluteUrl(ctx.siteUrl, page.path),
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
