// What a request asks for, read once at the site's front door (front-door.server.ts) and used by everything
// after it — the page cache's key, the ETag and the URL of the Request Remix renders — so that no two of them can
// disagree. The Host header never takes part (cache poisoning, issue 10): the origin is the configured one.
// Query strings are cut to the parameters the matched route declares it reads (page-params.ts), so other
// parameters (utm_*, fbclid, `q` on a page that is not search, …) neither make new cache entries nor reach the
// loaders.
import { sectionAliasPath } from '@ayni/domain/paths';
import type { ServerBuild } from '@remix-run/node';
import { pageParamsOf, type PageParams } from './page-params.js';

/** A route's path as segments, e.g. ["es", "topics", ":slug", "feed.xml"] (layouts resolved), and what it reads. */
export interface RoutePattern {
  segments: string[];
  pageParams: PageParams;
}

export interface RequestTarget {
  /** The path, dot segments resolved and percent-encoding normalised, e.g. "/es/news". */
  pathname: string;
  /** The query as sent, e.g. q=water&utm_source=x — the redirects keep what the page they point at reads of it. */
  query: URLSearchParams;
  /** What Remix is given: the path and, for pages, only the parameters its route reads, in a fixed order. */
  pathAndQuery: string;
  /** Whether the page cache may answer it: a GET for a page, a feed or a file, not one of Remix's own requests. */
  cacheable: boolean;
}

// host[:port]: a DNS name (optionally with the root dot), an IPv4 address or a bracketed IPv6 address.
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9_-]{0,61}[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;

/** Whether a Host header is a plain host[:port] (RFC 9110 §7.2) — no path, query, fragment, credentials or spaces. */
export function isValidHost(host: string | undefined): boolean {
  if (!host || host.length > 255) return false;
  const match = HOST.exec(host);
  return match !== null && (match[1] === undefined || Number(match[1]) <= 65535);
}

/**
 * Reads the request target (the path and query of the request line) against the site's origin. Null when it is
 * not a path (absolute-form or `*`) or cannot be read: a 400.
 */
export function readTarget(
  rawUrl: string,
  method: string,
  siteOrigin: string,
  patterns: readonly RoutePattern[],
): RequestTarget | null {
  if (!rawUrl.startsWith('/')) return null;
  let url: URL;
  try {
    url = new URL(siteOrigin + rawUrl);
  } catch {
    return null;
  }
  if (url.origin !== siteOrigin) return null;
  const pathname = normalisePercentEncoding(url.pathname);
  // Remix's own requests (client navigation data, route discovery) carry parameters of their own; they are never
  // cached. Pages and feeds get only what they read.
  const remixOwn = pathname.endsWith('.data') || pathname === '/__manifest';
  const read = method === 'GET' || method === 'HEAD';
  if (!read || remixOwn) {
    return { pathname, query: url.searchParams, pathAndQuery: pathname + url.search, cacheable: false };
  }
  return {
    pathname,
    query: url.searchParams,
    pathAndQuery: pathname + keptQuery(pathname, url.searchParams, patterns),
    cacheable: method === 'GET' && !pathname.startsWith('/assets/'),
  };
}

/**
 * The query string the route at `pathname` is given ("?page=2&q=water", or ""): only the parameters it declares, in
 * its declared order, each left out when it holds its default value.
 */
export function keptQuery(
  pathname: string,
  query: URLSearchParams,
  patterns: readonly RoutePattern[],
): string {
  const declared = matchRoute(pathname, patterns)?.pageParams ?? {};
  const kept = new URLSearchParams();
  for (const [name, fallback] of Object.entries(declared)) {
    const value = query.get(name);
    if (value !== null && value !== fallback) kept.set(name, value);
  }
  return kept.size > 0 ? `?${kept}` : '';
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** `%6Eews` → `news`, `%2f` → `%2F`: one spelling per path (RFC 3986 §6.2.2), so one cache entry per page. */
function normalisePercentEncoding(path: string): string {
  return path.replace(/%[0-9a-f]{2}/gi, (escape) => {
    const char = String.fromCharCode(parseInt(escape.slice(1), 16));
    return UNRESERVED.test(char) ? char : escape.toUpperCase();
  });
}

/** The routes of a build as patterns (see RoutePattern). */
export function routePatterns(routes: ServerBuild['routes']): RoutePattern[] {
  const full = (id: string): string[] => {
    const route = routes[id];
    if (!route) return [];
    const own = (route.path ?? '').split('/').filter((s) => s !== '');
    return [...(route.parentId ? full(route.parentId) : []), ...own];
  };
  return (
    Object.entries(routes)
      .map(([id, route]) => ({ segments: full(id), pageParams: pageParamsOf(route?.module) }))
      // Splats and optional segments match anything; they name no fixed segment to correct and read nothing.
      .filter((p) => p.segments.every((s) => s !== '*' && !s.endsWith('?')))
  );
}

/**
 * The route a path belongs to, its fixed segments compared without case, or undefined. The route with the most
 * fixed segments wins, as in Remix's own ranking.
 */
function matchRoute(pathname: string, patterns: readonly RoutePattern[]): RoutePattern | undefined {
  const segments = pathname === '/' ? [] : pathname.split('/').slice(1);
  let best: RoutePattern | undefined;
  let bestFixed = -1;
  for (const pattern of patterns) {
    if (pattern.segments.length !== segments.length) continue;
    let fixed = 0;
    const matches = pattern.segments.every((part, i) => {
      const segment = segments[i]!;
      if (part.startsWith(':')) return segment !== '';
      fixed++;
      return segment.toLowerCase() === part.toLowerCase();
    });
    if (matches && fixed > bestFixed) {
      best = pattern;
      bestFixed = fixed;
    }
  }
  return best;
}

/**
 * Where a path whose fixed segments are written in another case belongs ("/Es/News" → "/es/news"), or null when
 * it is already canonical or matches no route. Dynamic segments (slugs, and the tokens that emailed links will
 * carry) are kept exactly as written.
 */
export function canonicalCasePath(pathname: string, patterns: readonly RoutePattern[]): string | null {
  if (pathname.endsWith('.data')) return null;
  const best = matchRoute(pathname, patterns)?.segments;
  if (!best || best.length === 0) return null;
  const segments = pathname.split('/').slice(1);
  const canonical = `/${segments.map((s, i) => (best[i]!.startsWith(':') ? s : best[i]!)).join('/')}`;
  return canonical === pathname ? null : canonical;
}

/**
 * The path without a trailing slash or empty segments ("/news/" and "/news//" → "/news", "//" → "/"), or null
 * when it has neither. React Router renders both spellings, so each would otherwise be a page (and an entry) of its
 * own.
 */
export function trimmedPath(pathname: string): string | null {
  if (pathname === '/' || !/\/\/|\/$/.test(pathname)) return null;
  return `/${pathname
    .split('/')
    .filter((s) => s !== '')
    .join('/')}`;
}

/**
 * Where a GET or HEAD belongs when its path is not written the one way the site writes it — trimmed, a section spelt
 * in Spanish under its English name ('/es/noticias' → '/es/news', docs/decisions/0007-spanish-routes.md), then its
 * fixed segments in their canonical case — with the query that page reads; null when it is already there. One
 * redirect lands on the canonical address.
 */
export function canonicalLocation(target: RequestTarget, patterns: readonly RoutePattern[]): string | null {
  const trimmed = trimmedPath(target.pathname) ?? target.pathname;
  const named = sectionAliasPath(trimmed) ?? trimmed;
  const path = canonicalCasePath(named, patterns) ?? named;
  if (path === target.pathname) return null;
  return path + keptQuery(path, target.query, patterns);
}
