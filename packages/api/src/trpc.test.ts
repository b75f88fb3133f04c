// What the caller gets when a procedure's result does not match the output it declares: the server's error, with
// none of the output's field paths, while a zod error about what the caller sent stays a BAD_REQUEST.
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCallerFactory, publicProcedure, router } from './trpc.js';

const testRouter = router({
  wrongShape: publicProcedure
    .output(z.object({ count: z.number() }))
    // A bug on purpose: what the schema says is not what comes back.
    .query(() => ({ count: 'three' }) as unknown as { count: number }),
  extraField: publicProcedure
    .output(z.object({ name: z.string() }))
    .query(() => ({ name: 'Ana', passwordHash: 'secret' })),
  badInput: publicProcedure.output(z.object({ ok: z.literal(true) })).mutation(() => {
    z.object({ email: z.email() }).parse({ email: 'not an address' });
    return { ok: true as const };
  }),
});
const caller = createCallerFactory(testRouter)({} as never);

async function errorOf(call: () => Promise<unknown>): Promise<TRPCError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('declared outputs', () => {
  it('refuse a result that is not what the procedure declares, as a server error', async () => {
    const error = await errorOf(() => caller.wrongShape());
    expect([error.code, error.message]).toEqual(['INTERNAL_SERVER_ERROR', 'Output validation failed']);
  });

  it('send only the fields the schema names', async () => {
    expect(await caller.extraField()).toEqual({ name: 'Ana' });
  });

  it('leave a zod error about the input a BAD_REQUEST', async () => {
    expect((await errorOf(() => caller.badInput())).code).toBe('BAD_REQUEST');
  });
});
