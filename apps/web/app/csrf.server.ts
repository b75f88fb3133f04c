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

/**
 * The one exception to the Origin check: RFC 8058's one-click unsubscribe. The mail provider's servers (or a mail
 * client) POST `List-Unsubscribe=One-Click` to the unsubscribe link itself, without cookies and perhaps with an
 * Origin of their own. The token in the path is all that POST acts on (no cookie, no session), so a forged one can do
 * no more than the link already does. Accepted only on the unsubscribe page's address, in either language, and only
 * for a body that is exactly the one-click form (urlencoded, or multipart as RFC 8058 prefers).
 */
export const ONE_CLICK_MAX_BYTES = 1024;

export function isUnsubscribePath(pathname: string): boolean {
  return /^(?:\/es)?\/unsubscribe\/[\w-]+$/.test(pathname);
}

export async function isOneClickUnsubscribe(contentType: string | undefined, body: Buffer): Promise<boolean> {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') return false;
  if (body.length > ONE_CLICK_MAX_BYTES) return false;
  try {
    const form = await new Response(new Uint8Array(body), {
      headers: { 'Content-Type': contentType! },
    }).formData();
    const entries = [...form.entries()];
    return entries.length === 1 && entries[0]![0] === 'List-Unsubscribe' && entries[0]![1] === 'One-Click';
  } catch {
    return false;
  }
}
