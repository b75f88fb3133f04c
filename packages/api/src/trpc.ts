// The tRPC base: context, the procedure ladder (public → staff → permission, the last arriving with roles), and
// the one place where domain and validation errors become API errors with field messages.
import type { Auth, StaffSession } from '@ayni/auth';
import type { DbHandle } from '@ayni/db';
import type { Queue } from '@ayni/jobs';
import { isDomainError, type Clock, type DomainErrorCode } from '@ayni/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

export interface ApiContext {
  handle: DbHandle;
  auth: Auth;
  clock: Clock;
  queue: Queue;
  session: StaffSession | null;
}

/** Every procedure says who may call it; a test walks the router to make sure none is left out. */
export interface ApiMeta {
  access: 'public' | 'staff';
}

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
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      return {
        ...shape,
        data: {
          ...shape.data,
          stack: undefined,
          fieldErrors: cause instanceof ZodError ? fieldErrorsOf(cause) : null,
          domainCode: isDomainError(cause) ? cause.code : null,
        },
      };
    },
  });

/** Turns DomainError and ZodError thrown inside a procedure into the matching tRPC error. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (isDomainError(cause)) {
      throw new TRPCError({ code: codeFor[cause.code], message: cause.message, cause });
    }
    if (cause instanceof ZodError) {
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

export const staffProcedure = t.procedure
  .use(mapErrors)
  .meta({ access: 'staff' })
  .use(({ ctx, next }) => {
    if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in.' });
    return next({ ctx: { ...ctx, session: ctx.session } });
  });
