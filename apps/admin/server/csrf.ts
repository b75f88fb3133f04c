// Cross-site request forgery on the API: the staff cookie goes with any request the browser makes, including a
// form another site (or another port of this one) submits. tRPC accepts more than JSON (multipart/form-data,
// which a plain HTML form can send), so a mutation must both come from the admin's own origin and carry JSON —
// a body a page elsewhere cannot send without the browser first asking this server, which never agrees.
import type { IncomingHttpHeaders } from 'node:http';
import { TRPCError } from '@trpc/server';

/**
 * Throws FORBIDDEN for a request that changes something (anything but GET/HEAD) from another origin, and
 * UNSUPPORTED_MEDIA_TYPE for one whose body is not JSON. `isOwnOrigin` is the list sign-in accepts.
 */
export function assertSameOriginJson(
  request: { method?: string | undefined; headers: IncomingHttpHeaders },
  isOwnOrigin: (origin: string) => boolean,
): void {
  if (request.method === 'GET' || request.method === 'HEAD') return;
  const { origin } = request.headers;
  const site = request.headers['sec-fetch-site'];
  // Browsers send Origin with every POST; an old one that does not still sends Sec-Fetch-Site. A client that
  // sends neither is not a browser, so it carries no one's cookie but its own.
  const fromHere =
    origin !== undefined
      ? origin !== 'null' && isOwnOrigin(origin)
      : site === undefined || site === 'same-origin';
  if (!fromHere) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Changes are accepted only from the admin’s own pages.',
    });
  }
  const type = request.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new TRPCError({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Send the request body as application/json.',
    });
  }
}
