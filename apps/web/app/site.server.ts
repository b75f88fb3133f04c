// What every page needs: the page's language (from its URL), the organisation's settings and the static pages
// for the navigation, plus the small helpers loaders share (absolute URLs, 404s).
import { getSettings, listNavigationPages } from '@ayni/db';
import { db } from './db.server.js';
import { languageFromRequest, localePath, type Language } from './i18n.js';
import { absoluteUrl } from './seo.js';

export async function siteContext(request: Request) {
  const lang = languageFromRequest(request);
  const settings = await getSettings(db());
  const siteUrl = settings.siteUrl.replace(/\/+$/, '');
  return {
    lang,
    settings,
    siteUrl,
    /** Absolute URL of a path in a language: url('es', '/news') → https://…/es/news. */
    url: (language: Language, path: string) => absoluteUrl(siteUrl, localePath(language, path)),
  };
}

export type SiteContext = Awaited<ReturnType<typeof siteContext>>;

export async function siteChrome(request: Request) {
  const { lang, settings } = await siteContext(request);
  const pages = await listNavigationPages(db(), lang);
  return {
    lang,
    organisationName: settings.organisationName,
    postalAddress: settings.postalAddress,
    timeZone: settings.timeZone,
    pages: pages.map((p) => ({ slug: p.slug, title: p.title })),
  };
}

export function notFound(): never {
  throw new Response('Not found', { status: 404 });
}

/** `?page=N`: a positive whole number, 1 when absent; anything else is a page that does not exist. */
export function pageNumber(request: Request): number {
  const raw = new URL(request.url).searchParams.get('page');
  if (raw === null) return 1;
  if (!/^[1-9][0-9]{0,5}$/.test(raw)) notFound();
  return Number(raw);
}
