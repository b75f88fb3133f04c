// Conditional GET in one place: the ETag of a public response is derived from the published content's
// fingerprint, the URL and the language, so any publish, edit, archive or settings change invalidates it.
import { publishedFingerprint } from '@ayni/db';
import { languageOfPath } from '@ayni/domain/paths';
import { countWindow } from './campaigns.server.js';
import { fingerprintDb } from './db.server.js';
import { etagMatches, makeEtag, PUBLIC_CACHE_CONTROL } from './etag.js';
import { freshRead } from './fresh-read.js';

/**
 * The published content's fingerprint, read once per round trip under load (see freshRead). Every publish, edit,
 * campaign change and settings save changes it (the unit of work's markSiteChanged).
 */
export const fingerprint = freshRead(() => publishedFingerprint(fingerprintDb()));

/**
 * The campaign list and hubs show a count, and an event's page its places left, that change without the content
 * changing (issues 13 and 14).
 */
const COUNT_PAGES = /^(\/es)?\/(campaigns(\/[^/]+(\/embed)?)?|events\/[^/]+)$/;

/**
 * For a page that shows a signature count, the current window of CAMPAIGN_COUNT_SECONDS: the page is rendered again
 * once per window at most, so a signature never makes other pages render and the count shown is never older.
 */
function countWindowTag(pathname: string): string {
  return COUNT_PAGES.test(pathname) ? `count:${countWindow()}` : '';
}

/** The ETag of the response at `pathAndQuery` (e.g. "/es/news?page=2") for the current content. */
export async function etagForPath(pathAndQuery: string, extra: readonly string[] = []): Promise<string> {
  const query = pathAndQuery.indexOf('?');
  const pathname = query === -1 ? pathAndQuery : pathAndQuery.slice(0, query);
  // The day is part of the tag so date-driven parts of a page (upcoming events) refresh at least daily.
  const day = new Date().toISOString().slice(0, 10);
  return makeEtag([
    await fingerprint(),
    pathAndQuery,
    languageOfPath(pathname),
    day,
    countWindowTag(pathname),
    ...extra,
  ]);
}

export function etagFor(request: Request, extra: readonly string[] = []): Promise<string> {
  const url = new URL(request.url);
  return etagForPath(url.pathname + url.search, extra);
}

/** 304 with no body when the client already has this version, else null and the headers to send. */
export async function conditionalGet(
  request: Request,
  extra: readonly string[] = [],
  /** The tag computed before the loaders ran (see entry.server.tsx), when there is one. */
  known?: string,
): Promise<{ notModified: Response | null; headers: Record<string, string> }> {
  const etag = known ?? (await etagFor(request, extra));
  const headers = { ETag: etag, 'Cache-Control': PUBLIC_CACHE_CONTROL };
  if (etagMatches(request.headers.get('If-None-Match'), etag)) {
    return { notModified: new Response(null, { status: 304, headers }), headers };
  }
  return { notModified: null, headers };
}

/** A resource (feed, sitemap, robots.txt) with caching headers, or 304 when unchanged. */
export async function cachedResource(
  request: Request,
  contentType: string,
  body: () => Promise<string>,
): Promise<Response> {
  const { notModified, headers } = await conditionalGet(request);
  if (notModified) return notModified;
  return new Response(await body(), { headers: { ...headers, 'Content-Type': contentType } });
}
