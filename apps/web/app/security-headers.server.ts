// The one header function of the site: every answer — rendered pages, pages from memory, 304s, feeds, files,
// redirects and errors — gets its headers here (helmet, plus a Permissions-Policy, which helmet leaves out). Only
// the script sources differ between answers: a rendered page's nonce, or the hashes of a kept page's scripts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/** Features the site never uses, off for it and anything it embeds. */
const PERMISSIONS_POLICY = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'payment',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

export type SecurityHeaders = (
  req: IncomingMessage,
  res: ServerResponse,
  /** Allowed besides 'self': "'nonce-…'" for a rendered page, "'sha256-…'" hashes for a kept one, or none. */
  scriptSources: readonly string[],
) => void;

/** The only pages another site may show in a frame: a campaign's embed (count and sign form), in both languages. */
const FRAMEABLE = /^(\/es)?\/campaigns\/[^/?#]+\/embed(\?|$)/;

export function isFrameable(url: string | undefined): boolean {
  return FRAMEABLE.test(url ?? '');
}

export function securityHeaders({ siteOrigin, dev }: { siteOrigin: string; dev: boolean }): SecurityHeaders {
  const https = siteOrigin.startsWith('https:');
  const scripts = new WeakMap<ServerResponse, readonly string[]>();
  const policy = (frameable: boolean) =>
    helmet({
      // Vite's dev server injects styles and opens an HMR socket that this policy would block.
      contentSecurityPolicy: dev
        ? false
        : {
            useDefaults: false,
            directives: {
              'default-src': ["'self'"],
              'script-src': [(_req, res) => ["'self'", ...(scripts.get(res) ?? [])].join(' ')],
              'script-src-attr': ["'none'"],
              'style-src': ["'self'"],
              // Articles show featured images and Markdown images from other sites, over https.
              'img-src': ["'self'", 'https:', 'data:'],
              'font-src': ["'self'"],
              'connect-src': ["'self'"],
              'object-src': ["'none'"],
              'base-uri': ["'self'"],
              'form-action': ["'self'"],
              'frame-ancestors': [frameable ? '*' : "'none'"],
              ...(https ? { 'upgrade-insecure-requests': [] } : {}),
            },
          },
      // Feed readers and other sites may show our images and read our feeds.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      // Over http (a local or test install) HSTS would pin browsers to an https that does not exist. Subdomains
      // are left out: the organisation may run other sites under its domain that we know nothing about.
      strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
      // The embed is framed by partners' sites; every other answer is never framed.
      xFrameOptions: frameable ? false : { action: 'deny' },
    });
  const framed = policy(true);
  const unframed = policy(false);
  return (req, res, scriptSources) => {
    scripts.set(res, scriptSources);
    (isFrameable(req.url) ? framed : unframed)(req, res, (error) => {
      if (error) throw error;
    });
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
  };
}
