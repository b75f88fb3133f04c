// Staff administration (owners and admins): list, invite by email, withdraw an invitation, change a role,
// suspend (ends their sessions at once) and reactivate. Every change is audited in its own transaction.
import {
  countActiveOwners,
  findInvitation,
  findStaff,
  listOpenInvitations,
  listStaff,
  reactivateStaff,
  revokeInvitation,
  setStaffRole,
  suspendStaff,
} from '@ayni/db';
import {
  DomainError,
  assertStaffChangeAllowed,
  changeRoleSchema,
  invitationInputSchema,
  invitationState,
  inviteStaff,
  staffRefSchema,
  type StaffRole,
} from '@ayni/domain';
import { z } from 'zod';
import { invitationPorts } from '../../ports.js';
import { audit, inUnitOfWork, permitted, router } from '../../trpc.js';

export const staffRouter = router({
  list: permitted('staff:view').query(async ({ ctx }) => {
    const now = ctx.clock.now();
    const [staff, invitations] = await Promise.all([
      listStaff(ctx.handle.db),
      listOpenInvitations(ctx.handle.db),
    ]);
    return {
      staff: staff.map((s) => ({
        ...s,
        suspendedAt: s.suspendedAt?.toISOString() ?? null,
        createdAt: s.createdAt.toISOString(),
      })),
      invitations: invitations.map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role,
        state: invitationState(i, now),
        createdAt: i.createdAt.toISOString(),
        expiresAt: i.expiresAt.toISOString(),
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
          inviter: {
            userId: ctx.session.userId,
            name: ctx.session.name,
            role: ctx.session.role as StaffRole,
          },
        }),
      ),
    ),

  revokeInvitation: permitted('staff:manage')
    .input(z.object({ invitationId: z.string().min(1) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.handle.db.transaction().execute(async (trx) => {
        const inv = await findInvitation(trx, input.invitationId);
        if (!inv) throw new DomainError('NOT_FOUND', 'Invitation not found');
        if (!(await revokeInvitation(trx, inv.id, ctx.clock.now()))) {
          throw new DomainError('CONFLICT', 'This invitation was already used or withdrawn.');
        }
        await audit(
          ctx,
          {
            action: 'staff.invitation.revoke',
            resourceType: 'invitation',
            resourceId: inv.id,
            summary: `Withdrew the invitation to ${inv.email}`,
          },
          trx,
        );
      });
      return { ok: true };
    }),

  changeRole: permitted('staff:manage')
    .input(changeRoleSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.handle.db.transaction().execute(async (trx) => {
        const target = await findStaff(trx, input.userId);
        if (!target) throw new DomainError('NOT_FOUND', 'Staff member not found');
        if (target.role === input.role) return;
        assertStaffChangeAllowed(
          { id: ctx.session.userId, role: ctx.session.role as StaffRole },
          { id: target.id, role: target.role, suspended: target.suspendedAt !== null },
          { role: input.role },
          await countActiveOwners(trx),
        );
        await setStaffRole(trx, target.id, input.role, ctx.clock.now());
        await audit(
          ctx,
          {
            action: 'staff.change-role',
            resourceType: 'staff',
            resourceId: target.id,
            summary: `Changed ${target.email} from ${target.role} to ${input.role}`,
          },
          trx,
        );
      });
      return { ok: true };
    }),

  suspend: permitted('staff:manage')
    .input(staffRefSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.handle.db.transaction().execute(async (trx) => {
        const target = await findStaff(trx, input.userId);
        if (!target) throw new DomainError('NOT_FOUND', 'Staff member not found');
        if (target.suspendedAt) return;
        assertStaffChangeAllowed(
          { id: ctx.session.userId, role: ctx.session.role as StaffRole },
          { id: target.id, role: target.role, suspended: false },
          { suspend: true },
          await countActiveOwners(trx),
        );
        await suspendStaff(trx, target.id, ctx.clock.now());
        await audit(
          ctx,
          {
            action: 'staff.suspend',
            resourceType: 'staff',
            resourceId: target.id,
            summary: `Suspended ${target.email} and ended their sessions`,
          },
          trx,
        );
      });
      return { ok: true };
    }),

  reactivate: permitted('staff:manage')
    .input(staffRefSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.handle.db.transaction().execute(async (trx) => {
        const target = await findStaff(trx, input.userId);
        if (!target) throw new DomainError('NOT_FOUND', 'Staff member not found');
        assertStaffChangeAllowed(
          { id: ctx.session.userId, role: ctx.session.role as StaffRole },
          { id: target.id, role: target.role, suspended: target.suspendedAt !== null },
          { reactivate: true },
          await countActiveOwners(trx),
        );
        if (!target.suspendedAt) return;
        await reactivateStaff(trx, target.id, ctx.clock.now());
        await audit(
          ctx,
          {
            action: 'staff.reactivate',
            resourceType: 'staff',
            resourceId: target.id,
            summary: `Reactivated ${target.email}`,
          },
          trx,
        );
      });
      return { ok: true };
    }),
});
