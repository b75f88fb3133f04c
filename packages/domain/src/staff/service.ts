// Staff use cases: inviting someone by email, withdrawing an invitation, changing a role, suspending and
// reactivating an account, renaming one's own. Each returns a Change for the unit of work (packages/db
// `runUnitOfWork`); the invitation email is queued on the same transaction, so it goes only if the invitation is kept.
import { change, type Change } from '../shared/change.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { IdGenerator } from '../shared/ids.js';
import { assertMayInvite, assertStaffChangeAllowed, invitationExpiresAt } from './rules.js';
import { staffRoleWord, type StaffAccount, type StaffRole } from './schema.js';

export interface NewInvitation {
  id: string;
  email: string;
  role: StaffRole;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
}

/** An invitation and what happened to it. */
export interface Invitation extends NewInvitation {
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

export interface InvitationPorts {
  invitations: {
    /** Whether a staff account already uses this address. */
    emailHasAccount(email: string): Promise<boolean>;
    /** Withdraws every open invitation to this address (a new one replaces them). */
    withdrawOpenTo(email: string, now: Date): Promise<void>;
    /** Stores the invitation; no one holds a token for it until its email is sent. */
    insert(invitation: NewInvitation): Promise<void>;
  };
  /** Queues the invitation email on the transaction; its link is minted when it is sent. */
  sendInvitation(invitation: NewInvitation, inviterName: string): Promise<void>;
  clock: Clock;
  ids: IdGenerator;
}

export interface InviteStaff {
  email: string;
  role: StaffRole;
  inviter: { userId: string; name: string; role: StaffRole };
}

/** Invites someone to the admin with a role; only an owner may invite an owner. */
export async function inviteStaff(
  ports: InvitationPorts,
  command: InviteStaff,
): Promise<Change<{ id: string; email: string; role: StaffRole }>> {
  assertMayInvite({ role: command.inviter.role }, command.role);
  if (await ports.invitations.emailHasAccount(command.email)) {
    throw new DomainError('CONFLICT', 'This email address already has an account.', { field: 'email' });
  }
  const now = ports.clock.now();
  await ports.invitations.withdrawOpenTo(command.email, now);
  const invitation: NewInvitation = {
    id: ports.ids.id(),
    email: command.email,
    role: command.role,
    invitedBy: command.inviter.userId,
    createdAt: now,
    expiresAt: invitationExpiresAt(now),
  };
  await ports.invitations.insert(invitation);
  await ports.sendInvitation(invitation, command.inviter.name);
  return change(
    { id: invitation.id, email: invitation.email, role: invitation.role },
    {
      action: 'staff.invite',
      resourceType: 'invitation',
      resourceId: invitation.id,
      summary: `Invited ${invitation.email} as ${staffRoleWord(invitation.role)}`,
    },
  );
}

export interface StaffPorts {
  staff: {
    find(id: string): Promise<StaffAccount | null>;
    countActiveOwners(): Promise<number>;
    setRole(id: string, role: StaffRole, at: Date): Promise<void>;
    /** Suspends the account and ends its sessions. */
    suspend(id: string, at: Date): Promise<void>;
    reactivate(id: string, at: Date): Promise<void>;
    rename(id: string, name: string, at: Date): Promise<void>;
  };
  invitations: {
    find(id: string): Promise<Invitation | null>;
    /** Withdraws an open invitation; false when it was already used or withdrawn. */
    revoke(id: string, at: Date): Promise<boolean>;
  };
  clock: Clock;
}

/** Who acts on a staff account: the signed-in member of staff. */
export interface StaffActor {
  userId: string;
  role: StaffRole;
}

export async function withdrawInvitation(
  ports: StaffPorts,
  command: { invitationId: string },
): Promise<Change<{ id: string }>> {
  const invitation = await ports.invitations.find(command.invitationId);
  if (!invitation) throw new DomainError('NOT_FOUND', 'Invitation not found');
  if (!(await ports.invitations.revoke(invitation.id, ports.clock.now()))) {
    throw new DomainError('CONFLICT', 'This invitation was already used or withdrawn.');
  }
  return change(
    { id: invitation.id },
    {
      action: 'staff.invitation.revoke',
      resourceType: 'invitation',
      resourceId: invitation.id,
      summary: `Withdrew the invitation to ${invitation.email}`,
    },
  );
}

async function targetOf(ports: StaffPorts, userId: string): Promise<StaffAccount> {
  const target = await ports.staff.find(userId);
  if (!target) throw new DomainError('NOT_FOUND', 'Staff member not found');
  return target;
}

async function assertAllowed(
  ports: StaffPorts,
  actor: StaffActor,
  target: StaffAccount,
  what: Parameters<typeof assertStaffChangeAllowed>[2],
): Promise<void> {
  assertStaffChangeAllowed(
    { id: actor.userId, role: actor.role },
    { id: target.id, role: target.role, suspended: target.suspendedAt !== null },
    what,
    await ports.staff.countActiveOwners(),
  );
}

/** Gives a member of staff another role; the same role again changes nothing and is not audited. */
export async function changeStaffRole(
  ports: StaffPorts,
  command: { actor: StaffActor; userId: string; role: StaffRole },
): Promise<Change<{ id: string; role: StaffRole }>> {
  const target = await targetOf(ports, command.userId);
  if (target.role === command.role) return change({ id: target.id, role: target.role }, null);
  await assertAllowed(ports, command.actor, target, { role: command.role });
  await ports.staff.setRole(target.id, command.role, ports.clock.now());
  return change(
    { id: target.id, role: command.role },
    {
      action: 'staff.change-role',
      resourceType: 'staff',
      resourceId: target.id,
      summary: `Changed ${target.email} from ${staffRoleWord(target.role)} to ${staffRoleWord(command.role)}`,
    },
  );
}

/** Suspends a member of staff (their sessions end at once); an already suspended account stays as it is. */
export async function suspendStaffMember(
  ports: StaffPorts,
  command: { actor: StaffActor; userId: string },
): Promise<Change<{ id: string }>> {
  const target = await targetOf(ports, command.userId);
  if (target.suspendedAt) return change({ id: target.id }, null);
  await assertAllowed(ports, command.actor, target, { suspend: true });
  await ports.staff.suspend(target.id, ports.clock.now());
  return change(
    { id: target.id },
    {
      action: 'staff.suspend',
      resourceType: 'staff',
      resourceId: target.id,
      summary: `Suspended ${target.email} and ended their sessions`,
    },
  );
}

/** Lets a suspended member of staff sign in again. */
export async function reactivateStaffMember(
  ports: StaffPorts,
  command: { actor: StaffActor; userId: string },
): Promise<Change<{ id: string }>> {
  const target = await targetOf(ports, command.userId);
  await assertAllowed(ports, command.actor, target, { reactivate: true });
  if (!target.suspendedAt) return change({ id: target.id }, null);
  await ports.staff.reactivate(target.id, ports.clock.now());
  return change(
    { id: target.id },
    {
      action: 'staff.reactivate',
      resourceType: 'staff',
      resourceId: target.id,
      summary: `Reactivated ${target.email}`,
    },
  );
}

/** A member of staff renames their own account. */
export async function renameOwnAccount(
  ports: StaffPorts,
  command: { userId: string; name: string },
): Promise<Change<{ name: string }>> {
  const before = await targetOf(ports, command.userId);
  await ports.staff.rename(command.userId, command.name, ports.clock.now());
  return change(
    { name: command.name },
    {
      action: 'account.rename',
      resourceType: 'staff',
      resourceId: command.userId,
      summary: `Changed their name from “${before.name}” to “${command.name}”`,
    },
  );
}
