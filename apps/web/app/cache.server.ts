// Conditional GET in one place: the ETag of a public response is derived from the published content's
// fingerprint, the URL and the language, so any publish, edit, archive or settings change invalidates it.
import { nextEventChange, publishedFingerprint } from '@ayni/db';
import { languageOfPath } from '@ayni/domain/paths';
import { countWindow } from './campaigns.server.js';
import { clockTag } from './clock-tag.js';
import { fingerprintDb } from './db.server.js';
import { etagMatches, makeEtag, PUBLIC_CACHE_CONTROL } from './etag.js';
import { freshRead } from './fresh-read.js';

/**
 * The published content's fingerprint, read once per round trip under load (see freshRead). Every publish, edit,
 * campaign change and settings save changes it (the unit of work's markSiteChanged).
 */
export const fingerprint = freshRead(() => publishedFingerprint(fingerprintDb()));

/**
 * The next moment an event starts, ends or opens or closes its registration (see clock-tag.ts): part of every page's
 * tag, so an ended event leaves the home page, /events and the feed the moment it ends, not on the next day.
 */
const eventClock = clockTag((now) => nextEventChange(fingerprintDb(), now));

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
  const now = new Date();
  // The day is part of the tag for what a date changes by itself: "the year only when not this year".
  const day = now.toISOString().slice(0, 10);
  const content = await fingerprint();
  return makeEtag([
    content,
    pathAndQuery,
    languageOfPath(pathname),
    day,
    await eventClock(content, now),
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

/**
 * A resource (feed, sitemap, robots.txt, calendar) with caching headers, or 304 when unchanged. Given the render's
 * tag the front door chose (`known`, the loader context's pageEtag), it is sent with that tag, which lets the page
 * cache keep it (a calendar: see isKeepable) like a page.
 */
export async function cachedResource(
  request: Request,
  contentType: string,
  body: () => Promise<string>,
  known?: string,
): Promise<Response> {
  const { notModified, headers } = await conditionalGet(request, [], known);
  if (notModified) return notModified;
  return new Response(await body(), { headers: { ...headers, 'Content-Type': contentType } });
}

/** The render's tag from a loader's context (see front-door.server.ts), when the front door chose one. */
export function renderTag(context: { pageEtag?: unknown } | undefined): string | undefined {
  return typeof context?.pageEtag === 'string' ? context.pageEtag : undefined;
}
