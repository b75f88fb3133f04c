// Staff administration (owners and admins): list, invite by email, withdraw an invitation, change a role,
// suspend (ends their sessions at once) and reactivate: the domain's staff use cases, each in the unit of work.
import { listOpenInvitations, listStaff } from '@ayni/db';
import {
  changeRoleSchema,
  changeStaffRole,
  invitationInputSchema,
  invitationState,
  invitationStateSchema,
  inviteStaff,
  reactivateStaffMember,
  staffAccountSchema,
  staffRefSchema,
  staffRoleSchema,
  suspendStaffMember,
  withdrawInvitation,
  type StaffActor,
  type StaffRole,
} from '@ayni/domain';
import { z } from 'zod';
import { okSchema } from '../../outputs.js';
import { invitationPorts, staffPorts } from '../../ports.js';
import { inUnitOfWork, permitted, router } from '../../trpc.js';

function actorOf(ctx: { session: { userId: string; role: string } }): StaffActor {
  return { userId: ctx.session.userId, role: ctx.session.role as StaffRole };
}

/** An open invitation as the Staff page lists it: to whom, as what, and whether it can still be used. */
const openInvitationSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  role: staffRoleSchema,
  state: invitationStateSchema,
  createdAt: z.date(),
  expiresAt: z.date(),
});

export const staffRouter = router({
  list: permitted('staff:view')
    .output(z.object({ staff: z.array(staffAccountSchema), invitations: z.array(openInvitationSchema) }))
    .query(async ({ ctx }) => {
      const now = ctx.clock.now();
      const [staff, invitations] = await Promise.all([
        listStaff(ctx.handle.db),
        listOpenInvitations(ctx.handle.db),
      ]);
      return {
        staff,
        invitations: invitations.map((i) => ({
          id: i.id,
          email: i.email,
          role: i.role,
          state: invitationState(i, now),
          createdAt: i.createdAt,
          expiresAt: i.expiresAt,
        })),
      };
    }),

  invite: permitted('staff:manage')
    .input(invitationInputSchema)
    .output(z.object({ id: z.string().min(1), email: z.string(), role: staffRoleSchema }))
    .mutation(({ ctx, input }) =>
      inUnitOfWork(ctx, (trx) =>
        inviteStaff(invitationPorts(ctx, trx), {
          email: input.email,
          role: input.role,
          inviter: { ...actorOf(ctx), name: ctx.session.name },
        }),
      ),
    ),

  revokeInvitation: permitted('staff:manage')
    .input(z.object({ invitationId: z.string().min(1) }))
    .output(okSchema)
    .mutation(async ({ ctx, input }) => {
      await inUnitOfWork(ctx, (trx) => withdrawInvitation(staffPorts(ctx, trx), input));
      return { ok: true as const };
    }),

  changeRole: permitted('staff:manage')
    .input(changeRoleSchema)
    .output(okSchema)
    .mutation(async ({ ctx, input }) => {
      await inUnitOfWork(ctx, (trx) =>
        changeStaffRole(staffPorts(ctx, trx), { actor: actorOf(ctx), ...input }),
      );
      return { ok: true as const };
    }),

  suspend: permitted('staff:manage')
    .input(staffRefSchema)
    .output(okSchema)
    .mutation(async ({ ctx, input }) => {
      await inUnitOfWork(ctx, (trx) =>
        suspendStaffMember(staffPorts(ctx, trx), { actor: actorOf(ctx), ...input }),
      );
      return { ok: true as const };
    }),

  reactivate: permitted('staff:manage')
    .input(staffRefSchema)
    .output(okSchema)
    .mutation(async ({ ctx, input }) => {
      await inUnitOfWork(ctx, (trx) =>
        reactivateStaffMember(staffPorts(ctx, trx), { actor: actorOf(ctx), ...input }),
      );
      return { ok: true as const };
    }),
});
