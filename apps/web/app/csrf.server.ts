// Cross-site request forgery: a form on another site (or on another port of this one) must not be able to act
// with a visitor's cookies. Browsers say where a request comes from in Origin (and Sec-Fetch-Site); the site acts
// only on requests from its own configured origin. Clients that send neither (curl, feed tools) are not browsers
// acting for a visitor, and pass.
import type { IncomingHttpHeaders } from 'node:http';

export function isCrossSite(headers: IncomingHttpHeaders, siteOrigin: string): boolean {
  const origin = headers.origin;
  const fetchSite = headers['sec-fetch-site'];
  // "null" is what browsers send from privacy-sensitive contexts (sandboxed frames, some redirects); only the
  // browser's own statement that the request is same-origin makes it acceptable.
  if (origin === 'null') return fetchSite !== 'same-origin';
  if (origin !== undefined) return origin !== siteOrigin;
  return fetchSite === 'cross-site' || fetchSite === 'same-site';
}
