// The site server's configuration, validated once at start-up (server.js); a bad value stops it with one line.
import { z } from 'zod';

const PORT_MESSAGE = 'PORT must be a port number (1-65535)';
const SITE_URL_MESSAGE =
  'SITE_URL must be the site’s address, http(s)://host[:port] with no path, e.g. https://example.org';

export const webEnvSchema = z
  .object({
    PORT: z.coerce
      .number({ error: PORT_MESSAGE })
      .int({ error: PORT_MESSAGE })
      .min(1, { error: PORT_MESSAGE })
      .max(65535, { error: PORT_MESSAGE })
      .default(3000),
    HOST: z.string().default('0.0.0.0'),
    // Every request is read as addressed to this origin whatever its Host says (a Host cannot pick the page that
    // is rendered and cached), forms must come from it, and HSTS is sent when it is https.
    SITE_URL: z
      .string({ error: SITE_URL_MESSAGE })
      .trim()
      .optional()
      .refine((v) => v === undefined || v === '' || siteOrigin(v) !== null, { error: SITE_URL_MESSAGE }),
    PAGE_CACHE: z.enum(['on', 'off'], { error: 'PAGE_CACHE must be on or off' }).default('on'),
    PAGE_CACHE_MB: z.coerce
      .number({ error: 'PAGE_CACHE_MB must be a whole number of megabytes (1 or more)' })
      .int({ error: 'PAGE_CACHE_MB must be a whole number of megabytes (1 or more)' })
      .min(1, { error: 'PAGE_CACHE_MB must be a whole number of megabytes (1 or more)' })
      .default(32),
    // How old a signature count the public pages may show: 60 s, as the UK Parliament's petitions site; tests
    // shorten it.
    CAMPAIGN_COUNT_SECONDS: z.coerce
      .number({ error: 'CAMPAIGN_COUNT_SECONDS must be a whole number of seconds (1-3600)' })
      .int({ error: 'CAMPAIGN_COUNT_SECONDS must be a whole number of seconds (1-3600)' })
      .min(1, { error: 'CAMPAIGN_COUNT_SECONDS must be a whole number of seconds (1-3600)' })
      .max(3600, { error: 'CAMPAIGN_COUNT_SECONDS must be a whole number of seconds (1-3600)' })
      .default(60),
    // Behind a reverse proxy, which hops to trust for the client's address (Express's `trust proxy`), as the
    // admin's; without it, X-Forwarded-For sent by clients is ignored.
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v === '' || v === 'false' ? false : v === 'true' ? true : v)),
  })
  .transform(({ SITE_URL, ...env }) => ({
    ...env,
    /** The site's origin, e.g. "https://example.org" (default http://localhost:PORT). */
    siteOrigin: SITE_URL ? siteOrigin(SITE_URL)! : `http://localhost:${env.PORT}`,
  }));

export type WebEnv = z.output<typeof webEnvSchema>;

/** The origin of an http(s) address with no path, query, fragment or credentials; null for anything else. */
function siteOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  return (url.protocol === 'http:' || url.protocol === 'https:') && bare && !value.endsWith('?')
    ? url.origin
    : null;
}

export function loadWebEnv(env: Record<string, string | undefined> = process.env): WebEnv {
  const result = webEnvSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = issue.path.join('.');
    throw new Error(issue.message.startsWith(name) ? issue.message : `${name} ${issue.message}`);
  }
  return result.data;
}
