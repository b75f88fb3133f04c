import { needsSetup, setupOwner } from '@ayni/auth';
import { ownerSetupSchema } from '@ayni/domain';
import { z } from 'zod';
import { publicProcedure, router } from '../../trpc.js';

export const setupRouter = router({
  /** Whether the first-run setup page should be shown (no staff account exists yet). */
  status: publicProcedure
    .output(z.object({ needsSetup: z.boolean() }))
    .query(async ({ ctx }) => ({ needsSetup: await needsSetup(ctx.handle) })),
  /** Creates the owner; refused with CONFLICT once any staff account exists. */
  createOwner: publicProcedure
    .input(ownerSetupSchema)
    .output(z.object({ id: z.string().min(1), email: z.string(), name: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const owner = await setupOwner(ctx.auth, ctx.handle, input, ctx.clock);
      return { id: owner.id, email: owner.email, name: owner.name };
    }),
});
