// Staff administration (owners and admins): list, invite by email, withdraw an invitation, change a role,
// suspend (ends their sessions at once) and reactivate: the domain's staff use cases, each in the unit of work.
import { listOpenInvitations, listStaff } from '@ayni/db';
import {
  changeRoleSchema,
  changeStaffRole,
  invitationInputSchema,
  invitationState,
  inviteStaff,
  reactivateStaffMember,
  staffRefSchema,
  suspendStaffMember,
  withdrawInvitation,
  type StaffActor,
  type StaffRole,
} from '@ayni/domain';
import { z } from 'zod';
import { invitationPorts, staffPorts } from '../../ports.js';
import { inUnitOfWork, permitted, router } from '../../trpc.js';

function actorOf(ctx: { session: { userId: string; role: string } }): StaffActor {
  return { userId: ctx.session.userId, role: ctx.session.role as StaffRole };
}

export const staffRouter = router({
  list: permitted('staff:view').query(async ({ ctx }) => {
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
    .mutation(async ({ ctx, input }) => {
      await inUnitOfWork(ctx, (trx) => withdrawInvitation(staffPorts(ctx, trx), input));
      return { ok: true };
    }),

  changeRole: permitted('staff:manage')
    .input(changeRoleSchema)
    .mutation(async ({ ctx, input }) => {
      await inUnitOfWork(ctx, (trx) =>
        changeStaffRole(staffPorts(ctx, trx), { actor: actorOf(ctx), ...input }),
      );
      return { ok: true };
    }),

  suspend: permitted('staff:manage')
    .input(staffRefSchema)
    .mutation(async ({ ctx, input }) => {
      await inUnitOfWork(ctx, (trx) =>
        suspendStaffMember(staffPorts(ctx, trx), { actor: actorOf(ctx), ...input }),
      );
      return { ok: true };
    }),

  reactivate: permitted('staff:manage')
    .input(staffRefSchema)
    .mutation(async ({ ctx, input }) => {
      await inUnitOfWork(ctx, (trx) =>
        reactivateStaffMember(staffPorts(ctx, trx), { actor: actorOf(ctx), ...input }),
      );
      return { ok: true };
    }),
});
