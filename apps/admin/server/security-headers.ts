// The admin's security headers: one middleware, first in the stack, so every response carries the same set —
// the SPA's page and its 304s, assets, the API, better-auth and errors.
import { getSettings, type DbHandle } from '@ayni/db';
import type { Clock } from '@ayni/domain';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';

/** How long a site address read from the settings is used before it is read again. */
export const SITE_ORIGIN_TTL_MS = 60_000;

// The admin uses none of these; a page it shows (a draft's preview) must not either.
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

/**
 * The site's origin (settings.siteUrl, which staff can change), read at most once a minute: a database read
 * per asset would cost more than a minute's delay after a change is worth.
 */
function siteOriginSource(deps: { handle: Pick<DbHandle, 'db'>; clock: Clock; logger: Logger }) {
  let origin = '';
  let readAt = -Infinity;
  let reading: Promise<void> | null = null;
  return {
    current: () => origin,
    async refresh(): Promise<void> {
      if (deps.clock.now().getTime() - readAt < SITE_ORIGIN_TTL_MS) return;
      reading ??= getSettings(deps.handle.db)
        .then(
          ({ siteUrl }) => {
            const parsed = new URL(siteUrl);
            // Only an http(s) origin can be a CSP source; anything else leaves just 'self' and https:.
            origin = parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : '';
          },
          (err: unknown) => {
            // Keep the last known address rather than fail the response; try again after the TTL.
            deps.logger.warn({ err }, 'Could not read the site address for the security headers');
          },
        )
        .finally(() => {
          readAt = deps.clock.now().getTime();
          reading = null;
        });
      await reading;
    },
  };
}

export function securityHeaders(deps: {
  handle: Pick<DbHandle, 'db'>;
  clock: Clock;
  logger: Logger;
  /** The admin's public address; https turns on HSTS and upgrade-insecure-requests. */
  adminUrl: string | undefined;
}): RequestHandler {
  const https = deps.adminUrl?.startsWith('https://') ?? false;
  const site = siteOriginSource(deps);
  // Images and styles may come from the site and from https only: a draft's preview must not make the
  // admin fetch http:// addresses (a tracker, or a probe of the staff member's network).
  const pictures = ["'self'", () => site.current(), 'https:'];
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        // Vite's build has no inline script; nothing else is allowed to run.
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': pictures,
        'img-src': pictures,
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
  });
  return (req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    site.refresh().then(() => headers(req, res, next), next);
  };
}
