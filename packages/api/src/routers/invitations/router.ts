// Following an invitation link: see what it is for, then set name and password to create the account.
import { acceptInvitation, describeInvitation } from '@ayni/auth';
import { acceptInvitationSchema, staffRoleSchema } from '@ayni/domain';
import { z } from 'zod';
import { publicProcedure, router } from '../../trpc.js';

export const invitationsRouter = router({
  describe: publicProcedure
    .input(z.object({ token: z.string().min(1, { error: 'The invitation link is incomplete' }) }))
    .output(z.object({ email: z.string(), role: staffRoleSchema, expiresAt: z.date() }))
    .query(async ({ ctx, input }) => {
      const inv = await describeInvitation(ctx.handle, input.token, ctx.clock);
      return { email: inv.email, role: inv.role, expiresAt: inv.expiresAt };
    }),
  accept: publicProcedure
    .input(acceptInvitationSchema)
    .output(z.object({ email: z.string(), role: staffRoleSchema }))
    .mutation(async ({ ctx, input }) => {
      const account = await acceptInvitation(ctx.auth, ctx.handle, input, ctx.clock);
      return { email: account.email, role: account.role };
    }),
});
