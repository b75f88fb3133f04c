// What a request asks for, read once at the site's front door (front-door.server.ts) and used by everything
// after it — the page cache's key, the ETag and the URL of the Request Remix renders — so that no two of them can
// disagree. The Host header never takes part (cache poisoning, issue 10): the origin is the configured one.
// Query strings are cut to the parameters pages read, so junk parameters (utm_*, fbclid, …) neither make new cache
// entries nor reach the loaders.
import type { ServerBuild } from '@remix-run/node';

/** The only query parameters a page or feed reads (listings: page; search: q and page). */
export const PAGE_PARAMS = ['page', 'q'] as const;

export interface RequestTarget {
  /** The path, dot segments resolved and percent-encoding normalised, e.g. "/es/news". */
  pathname: string;
  /** The query string as sent (parsed), e.g. "?q=water&utm_source=x" — kept by the case redirects. */
  search: string;
  /** What Remix is given: the path and, for pages, only PAGE_PARAMS in a fixed order. */
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
export function readTarget(rawUrl: string, method: string, siteOrigin: string): RequestTarget | null {
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
    return { pathname, search: url.search, pathAndQuery: pathname + url.search, cacheable: false };
  }
  const query = new URLSearchParams();
  for (const name of PAGE_PARAMS) {
    const value = url.searchParams.get(name);
    if (value !== null) query.set(name, value);
  }
  const search = query.size > 0 ? `?${query}` : '';
  return {
    pathname,
    search: url.search,
    pathAndQuery: pathname + search,
    cacheable: method === 'GET' && !pathname.startsWith('/assets/'),
  };
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** `%6Eews` → `news`, `%2f` → `%2F`: one spelling per path (RFC 3986 §6.2.2), so one cache entry per page. */
function normalisePercentEncoding(path: string): string {
  return path.replace(/%[0-9a-f]{2}/gi, (escape) => {
    const char = String.fromCharCode(parseInt(escape.slice(1), 16));
    return UNRESERVED.test(char) ? char : escape.toUpperCase();
  });
}

/** The route paths of a build as segments, e.g. ["es", "topics", ":slug", "feed.xml"] (layouts resolved). */
export function routePatterns(routes: ServerBuild['routes']): string[][] {
  const full = (id: string): string[] => {
    const route = routes[id];
    if (!route) return [];
    const own = (route.path ?? '').split('/').filter((s) => s !== '');
    return [...(route.parentId ? full(route.parentId) : []), ...own];
  };
  const patterns = Object.keys(routes).map(full);
  // Splats and optional segments match anything; they name no fixed segment to correct.
  return patterns.filter((p) => p.every((s) => s !== '*' && !s.endsWith('?')));
}

/**
 * Where a path whose fixed segments are written in another case belongs ("/Es/News" → "/es/news"), or null when
 * it is already canonical or matches no route. Dynamic segments (slugs, and the tokens that emailed links will
 * carry) are kept exactly as written. The route with the most fixed segments wins, as in Remix's own ranking.
 */
export function canonicalCasePath(pathname: string, patterns: readonly string[][]): string | null {
  if (pathname.endsWith('.data')) return null;
  const segments = pathname.split('/').slice(1);
  let best: string[] | null = null;
  let bestFixed = -1;
  for (const pattern of patterns) {
    if (pattern.length !== segments.length) continue;
    let fixed = 0;
    const matches = pattern.every((part, i) => {
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
  if (!best) return null;
  const canonical = `/${segments.map((s, i) => (best[i]!.startsWith(':') ? s : best[i]!)).join('/')}`;
  return canonical === pathname ? null : canonical;
}
