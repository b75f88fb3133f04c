// better-auth on our own database (the same Kysely instance the product uses). Public sign-up is disabled:
// staff accounts are created by the product (first-run setup now, invitations later), never by an open endpoint.
import type { DbHandle } from '@ayni/db';
import { MIN_PASSWORD_LENGTH } from '@ayni/domain';
import { betterAuth, type BetterAuthOptions } from 'better-auth';

/**
 * The header better-auth reads the client's address from (for rate limits and sessions). The admin server sets
 * it from the socket (or a trusted proxy) and drops any value a client sends, so a client cannot pick its own IP
 * — which it could with better-auth's default, X-Forwarded-For.
 */
export const CLIENT_IP_HEADER = 'x-ayni-client-ip';

export interface AuthConfig {
  secret: string;
  /** Where the admin (which mounts the auth handler) is served, e.g. http://localhost:3001 */
  baseURL: string;
  production: boolean;
  /** Requests allowed per window on the sign-in endpoint; tests set their own. */
  signInLimit?: { window: number; max: number };
}

export { MIN_PASSWORD_LENGTH } from '@ayni/domain';

export function authOptions(handle: Pick<DbHandle, 'db' | 'dialect'>, config: AuthConfig) {
  const signIn = config.signInLimit ?? { window: 60, max: 5 };
  return {
    appName: 'Ayni',
    secret: config.secret,
    baseURL: config.baseURL,
    basePath: '/api/auth',
    trustedOrigins: [config.baseURL],
    database: { db: handle.db, type: handle.dialect, transaction: true },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
    },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'viewer', input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': signIn,
        '/request-password-reset': signIn,
      },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: config.production && config.baseURL.startsWith('https://'),
      defaultCookieAttributes: { sameSite: 'lax', httpOnly: true },
    },
    telemetry: { enabled: false },
  } satisfies BetterAuthOptions;
}

export function createAuth(handle: Pick<DbHandle, 'db' | 'dialect'>, config: AuthConfig) {
  return betterAuth(authOptions(handle, config));
}

export type Auth = ReturnType<typeof createAuth>;
