// better-auth on our own database (the same Kysely instance the product uses). Public sign-up is disabled:
// staff accounts are created by the product (first-run setup now, invitations later), never by an open endpoint.
import { trustedOriginsFor } from './origins.js';
import {
  appendAudit,
  clearSignInFailures,
  countRecentMessages,
  recentSignInFailures,
  recordSignInFailure,
  type DbHandle,
} from '@ayni/db';
import { MIN_PASSWORD_LENGTH, PASSWORD_RESET_TTL_MINUTES } from '@ayni/domain';
import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from 'better-auth/api';
import { twoFactor } from 'better-auth/plugins/two-factor';

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
  /** Requests allowed per IP per window (seconds) on sign-in and reset; tests set their own. */
  signInLimit?: { window: number; max: number };
  /** Failed sign-ins allowed per account per window (seconds), whatever the IP. */
  accountLimit?: { window: number; max: number };
  /**
   * Queues the password-reset email (the admin's). It gets no link: the worker mints one when it sends the email
   * (links.ts), so no live token is ever stored. Without it, reset is not offered.
   */
  sendResetPassword?: (input: { email: string; name: string; userId: string }) => Promise<void>;
}

/** Reset emails one address can receive per window, however many people (or addresses) ask for them. */
const RESET_EMAILS = { window: 60 * 60, max: 3 };

/**
 * Passes each reset request on to `send` unless the address already had its share of reset emails this
 * hour (counted from the message records the admin writes for template 'password-reset'). The requester gets
 * better-auth's one answer either way, so the cap reveals nothing about the account.
 */
function capPerRecipient<T extends { email: string }>(
  handle: Pick<DbHandle, 'db'>,
  send: (input: T) => Promise<void>,
): (input: T) => Promise<void> {
  return async (input) => {
    const since = new Date(Date.now() - RESET_EMAILS.window * 1000);
    const sent = await countRecentMessages(handle.db, {
      recipient: input.email,
      template: 'password-reset',
      since,
    });
    if (sent < RESET_EMAILS.max) await send(input);
  };
}

export const SUSPENDED_MESSAGE = 'This account is suspended. Ask an owner or admin of your organisation.';

export { MIN_PASSWORD_LENGTH } from '@ayni/domain';

export function authOptions(handle: Pick<DbHandle, 'db' | 'dialect'>, config: AuthConfig) {
  const signIn = config.signInLimit ?? { window: 60, max: 5 };
  const perAccount = config.accountLimit ?? { window: 15 * 60, max: 10 };
  const emailOf = (body: unknown) =>
    String((body as { email?: unknown } | undefined)?.email ?? '')
      .trim()
      .toLowerCase();
  const sendResetPassword = config.sendResetPassword && capPerRecipient(handle, config.sendResetPassword);
  const tooManyFailures = (what: string) =>
    new APIError('TOO_MANY_REQUESTS', {
      message: `Too many ${what} for this account. Try again in ${Math.ceil(perAccount.window / 60)} minutes, or reset your password.`,
    });
  const lockedOut = async (email: string) =>
    (await recentSignInFailures(handle.db, email, new Date(), perAccount.window * 1000)) >= perAccount.max;
  return {
    appName: 'Ayni',
    secret: config.secret,
    baseURL: config.baseURL,
    basePath: '/api/auth',
    trustedOrigins: trustedOriginsFor(config.baseURL, config.production),
    database: { db: handle.db, type: handle.dialect, transaction: true },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      resetPasswordTokenExpiresIn: PASSWORD_RESET_TTL_MINUTES * 60,
      revokeSessionsOnPasswordReset: true,
      ...(sendResetPassword
        ? {
            sendResetPassword: async ({ user }: { user: { id: string; email: string; name: string } }) =>
              sendResetPassword({ email: user.email, name: user.name, userId: user.id }),
          }
        : {}),
    },
    hooks: {
      // Per-account limit on failed sign-ins (better-auth's own limit is per IP). A wrong current password when
      // changing it is a guess at the same password, so it counts against the same limit: the admin calls
      // change-password server-side, where better-auth's rate limiter does not run.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/change-password') {
          const email = (await getSessionFromCtx(ctx))?.user.email;
          if (email && (await lockedOut(email))) throw tooManyFailures('wrong passwords');
          return;
        }
        if (ctx.path !== '/sign-in/email') return;
        const email = emailOf(ctx.body);
        if (email && (await lockedOut(email))) throw tooManyFailures('failed sign-ins');
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === '/two-factor/disable' || ctx.path === '/two-factor/enable') {
          const user = ctx.context.session?.user;
          if (!user || isAPIError(ctx.context.returned)) return;
          const on = ctx.path === '/two-factor/enable';
          await appendAudit(handle.db, {
            at: new Date(),
            actorId: user.id,
            actorEmail: user.email,
            action: on ? 'account.two-factor.start' : 'account.two-factor.disable',
            resourceType: 'staff',
            resourceId: user.id,
            summary: on ? 'Started setting up two-factor sign-in' : 'Turned off two-factor sign-in',
          });
          return;
        }
        if (ctx.path === '/change-password') {
          const email = ctx.context.session?.user.email;
          if (!email) return;
          const returned = ctx.context.returned;
          if (!isAPIError(returned)) await clearSignInFailures(handle.db, email);
          else if ((returned.body as { code?: unknown } | undefined)?.code === 'INVALID_PASSWORD')
            await recordSignInFailure(handle.db, email, new Date(), perAccount.window * 1000);
          return;
        }
        if (ctx.path !== '/sign-in/email') return;
        const email = emailOf(ctx.body);
        if (!email) return;
        const returned = ctx.context.returned;
        if (isAPIError(returned)) {
          if (returned.statusCode === 401)
            await recordSignInFailure(handle.db, email, new Date(), perAccount.window * 1000);
        } else {
          await clearSignInFailures(handle.db, email);
        }
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // A suspended account cannot start a session, whatever endpoint asks for one.
          // Reads through better-auth's adapter, which joins the transaction better-auth may have open (a query
          // on our own handle there would wait for SQLite's only connection).
          before: async (session: { userId: string }, ctx) => {
            const user = ctx
              ? ((await ctx.context.internalAdapter.findUserById(session.userId)) as {
                  suspendedAt?: unknown;
                } | null)
              : await handle.db
                  .selectFrom('user')
                  .select('suspendedAt')
                  .where('id', '=', session.userId)
                  .executeTakeFirst();
            if (user?.suspendedAt) throw new APIError('FORBIDDEN', { message: SUSPENDED_MESSAGE });
          },
        },
      },
    },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'viewer', input: false },
        suspendedAt: { type: 'date', required: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // Reset tokens (and every other verification value) are stored as a hash, never as themselves.
    verification: { storeIdentifier: 'hashed' },
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
    // Account changes go through our audited procedures (packages/api routers/account and staff), never straight
    // to better-auth: its endpoints that would change a user outside them are switched off.
    disabledPaths: [
      '/sign-up/email',
      '/update-user',
      '/change-email',
      '/delete-user',
      '/change-password',
      '/set-password',
    ],
    // Optional authenticator-app codes at sign-in; its tables are migration 20261127_0005_two_factor.
    plugins: [twoFactor({ issuer: 'Ayni' })],
    telemetry: { enabled: false },
  } satisfies BetterAuthOptions;
}

export function createAuth(handle: Pick<DbHandle, 'db' | 'dialect'>, config: AuthConfig) {
  return betterAuth(authOptions(handle, config));
}

export type Auth = ReturnType<typeof createAuth>;
