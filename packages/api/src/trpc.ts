// The tRPC base: context, the procedure ladder (public → signed-in → permission from the matrix), the audit
// helper, and the one place where domain and validation errors become API errors with field messages.
import type { Auth, StaffSession } from '@ayni/auth';
import { runUnitOfWork, type Database, type DbHandle } from '@ayni/db';
import {
  can,
  change,
  isDomainError,
  type Change,
  type Clock,
  type DomainErrorCode,
  type Permission,
} from '@ayni/domain';
import type { Queue } from '@ayni/jobs';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import type { Kysely } from 'kysely';
import { ZodError } from 'zod';

export interface ApiContext {
  handle: DbHandle;
  auth: Auth;
  clock: Clock;
  queue: Queue;
  session: StaffSession | null;
  /** The admin's address, for links in emails (invitations). */
  adminUrl: string;
  /** The request's headers, for better-auth calls made on the person's behalf (change password). */
  headers: Headers;
  /** Adds a header to the HTTP response (better-auth's new session cookie after a password change). */
  appendResponseHeader?: (name: string, value: string) => void;
}

/**
 * Every procedure says who may call it; a test walks the router to make sure none is left out:
 * public (anyone), signed-in (any staff member, for their own account), or a permission from the matrix.
 */
export type ApiMeta =
  | { access: 'public' }
  | { access: 'signed-in' }
  | { access: 'permission'; permission: Permission };

const codeFor: Record<DomainErrorCode, TRPCError['code']> = {
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  STALE_VERSION: 'CONFLICT',
  INVALID_TRANSITION: 'BAD_REQUEST',
  VALIDATION: 'BAD_REQUEST',
  FORBIDDEN: 'FORBIDDEN',
};

export type FieldErrors = Record<string, string[]>;

function fieldErrorsOf(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

const t = initTRPC
  .context<ApiContext>()
  .meta<ApiMeta>()
  .create({
    // Dates (and other values JSON cannot carry) cross the wire as themselves: the admin's client uses it too.
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      return {
        ...shape,
        data: {
          ...shape.data,
          stack: undefined,
          // Field messages are for what the caller sent: never the paths of an output that failed its schema.
          fieldErrors:
            cause instanceof ZodError && error.code === 'BAD_REQUEST'
              ? fieldErrorsOf(cause)
              : isDomainError(cause) && cause.field
                ? { [cause.field]: [cause.message] }
                : null,
          domainCode: isDomainError(cause) ? cause.code : null,
        },
      };
    },
  });

/**
 * The message tRPC gives the error when what a procedure returns fails its `.output()` schema. That error carries
 * the ZodError as its cause too, but it is the server's fault, not the caller's: it stays INTERNAL_SERVER_ERROR.
 */
const OUTPUT_VALIDATION_FAILED = 'Output validation failed';

/** Turns DomainError and ZodError thrown inside a procedure into the matching tRPC error. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (isDomainError(cause)) {
      throw new TRPCError({ code: codeFor[cause.code], message: cause.message, cause });
    }
    if (cause instanceof ZodError && result.error.message !== OUTPUT_VALIDATION_FAILED) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: cause.issues.map((i) => i.message).join('; '),
        cause,
      });
    }
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapErrors).meta({ access: 'public' });

const requireSession = t.middleware(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in.' });
  return next({ ctx: { ...ctx, session: ctx.session } });
});

/** Any signed-in staff member, acting on their own account. */
export const signedInProcedure = t.procedure.use(mapErrors).meta({ access: 'signed-in' }).use(requireSession);

/** A signed-in staff member whose role has `permission`. */
export function permitted(permission: Permission) {
  return t.procedure
    .use(mapErrors)
    .meta({ access: 'permission', permission })
    .use(requireSession)
    .use(({ ctx, next }) => {
      if (!can(ctx.session.role, permission)) {
        throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role does not allow this.' });
      }
      return next();
    });
}

export interface AuditInput {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  summary: string;
}

/**
 * Audits what the signed-in actor did outside Ayni's own tables (a job retried in the queue, a password changed by
 * better-auth): a unit of work holding only its audit entry, so the audit log has one writer.
 */
export async function audit(
  ctx: { clock: Clock; session: StaffSession | null; handle: DbHandle },
  entry: AuditInput,
): Promise<void> {
  await inUnitOfWork(ctx, async () => change(undefined, { ...entry, resourceId: entry.resourceId ?? null }));
}

/**
 * Runs a use case in the unit of work (packages/db `runUnitOfWork`) for the signed-in actor: one transaction with
 * its audit entry and the parts of the site it touched. Returns the use case's result.
 */
export async function inUnitOfWork<T>(
  ctx: { clock: Clock; session: StaffSession | null; handle: DbHandle },
  work: (trx: Kysely<Database>) => Promise<Change<T>>,
): Promise<T> {
  const actor = { userId: ctx.session?.userId ?? null, email: ctx.session?.email ?? null };
  return (await runUnitOfWork(ctx.handle.db, { clock: ctx.clock, actor }, work)).result;
}
