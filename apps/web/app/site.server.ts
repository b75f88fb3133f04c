// What every page needs: the page's language (from its URL), the organisation's settings and the static pages
// for the navigation, plus the small helpers loaders share (absolute URLs, 404s).
import { getSettings, listNavigationPages } from '@ayni/db';
import { absoluteUrl, articlePath, languageOfPath } from '@ayni/domain/paths';
import { db } from './db.server.js';

export async function siteContext(request: Request) {
  const lang = languageOfPath(new URL(request.url).pathname);
  const settings = await getSettings(db());
  const siteUrl = settings.siteUrl.replace(/\/+$/, '');
  return {
    lang,
    settings,
    siteUrl,
    /** Absolute URL of a site path: url(newsListPath('es')) → https://…/es/news. */
    url: (path: string) => absoluteUrl(siteUrl, path),
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
    pages: pages.map((p) => ({ path: articlePath(p), title: p.title })),
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
