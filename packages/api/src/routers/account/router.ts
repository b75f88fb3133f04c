// The signed-in person's own account: who they are and what their role allows, their name, their password.
import {
  can,
  passwordSchema,
  permissions,
  renameOwnAccount,
  staffNameSchema,
  staffRoleSchema,
  type StaffRole,
} from '@ayni/domain';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { okSchema } from '../../outputs.js';
import { staffPorts } from '../../ports.js';
import { audit, inUnitOfWork, router, signedInProcedure } from '../../trpc.js';

/** The signed-in member of staff, and what their role allows. */
const meSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  email: z.string(),
  role: staffRoleSchema,
  twoFactorEnabled: z.boolean(),
  permissions: z.array(z.enum(permissions)),
});

export const accountRouter = router({
  /** The signed-in staff member and the permissions of their role (the admin hides what they cannot use). */
  me: signedInProcedure.output(meSchema).query(({ ctx }) => ({
    id: ctx.session.userId,
    name: ctx.session.name,
    email: ctx.session.email,
    // Checked by the output schema: a session's role is one of the staff roles.
    role: ctx.session.role as StaffRole,
    twoFactorEnabled: ctx.session.twoFactorEnabled,
    permissions: permissions.filter((p) => can(ctx.session.role, p)),
  })),
  updateName: signedInProcedure
    .input(z.object({ name: staffNameSchema }))
    .output(z.object({ name: z.string() }))
    .mutation(({ ctx, input }) =>
      inUnitOfWork(ctx, (trx) =>
        renameOwnAccount(staffPorts(ctx, trx), { userId: ctx.session.userId, name: input.name }),
      ),
    ),
  changePassword: signedInProcedure
    .input(
      z.object({
        currentPassword: z.string().min(1, { error: 'Current password is required' }),
        newPassword: passwordSchema,
      }),
    )
    .output(okSchema)
    .mutation(async ({ ctx, input }) => {
      try {
        // Other sessions end; better-auth replaces this one, and its new cookie goes back to the browser.
        const { headers } = await ctx.auth.api.changePassword({
          body: {
            currentPassword: input.currentPassword,
            newPassword: input.newPassword,
            revokeOtherSessions: true,
          },
          headers: ctx.headers,
          returnHeaders: true,
        });
        for (const cookie of headers.getSetCookie()) ctx.appendResponseHeader?.('set-cookie', cookie);
      } catch (error) {
        const { statusCode: status, message } = error as { statusCode?: number; message?: string };
        // Wrong current passwords count against the account as failed sign-ins do (packages/auth).
        if (status === 429) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: message ?? '' });
        if (status === 400 || status === 401) {
          throw new TRPCError({ code: 'BAD_REQUEST', message: 'The current password is not right.' });
        }
        throw error;
      }
      await audit(ctx, {
        action: 'account.change-password',
        resourceType: 'staff',
        resourceId: ctx.session.userId,
        summary: 'Changed their password (other sessions signed out)',
      });
      return { ok: true as const };
    }),
});
