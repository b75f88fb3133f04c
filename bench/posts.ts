// What the benchmarks that post forms to the real site share: an address per poster (the site runs with
// TRUST_PROXY=loopback, so X-Forwarded-For is each request's own address and its own rate limit), autocannon's
// form POSTs from those addresses with the site's Origin, and waiting for the worker to catch up.
import type autocannon from 'autocannon';

/** An address per poster: 10.x.y.z from a counter (IPv4, so each is its own limit). */
export const addressOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** autocannon's requests: each a form POST to `pathOf(n)` of poster `n` (counted across the run) from its own address. */
export function posts(
  next: () => number,
  fields: (n: number) => Record<string, string>,
  origin: string,
  pathOf?: (n: number) => string,
): autocannon.Request[] {
  return [
    {
      method: 'POST',
      setupRequest: (request) => {
        const n = next();
        const body = new URLSearchParams(fields(n)).toString();
        return {
          ...request,
          ...(pathOf ? { path: pathOf(n) } : {}),
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-forwarded-for': addressOf(n),
            origin,
            // autocannon gives no length to an empty body (a form that is just its button); a browser says 0.
            ...(body === '' ? { 'content-length': '0' } : {}),
          },
          body,
        };
      },
    },
  ];
}

/** Polls `done` every 250 ms until it holds; throws after `seconds`. */
export async function waitFor(what: string, seconds: number, done: () => Promise<boolean>) {
  const until = Date.now() + seconds * 1000;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`Timed out after ${seconds} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
