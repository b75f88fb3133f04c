// The staff use case that was written inside a router: inviting someone by email. It returns a Change for the
// unit of work (packages/db `runUnitOfWork`); the email is queued on the same transaction, so it goes only if
// the invitation is kept.
import { change, type Change } from '../shared/change.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { IdGenerator } from '../shared/ids.js';
import { assertMayInvite, invitationExpiresAt } from './rules.js';
import type { StaffRole } from './schema.js';

export interface NewInvitation {
  id: string;
  email: string;
  role: StaffRole;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
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
      summary: `Invited ${invitation.email} as ${invitation.role}`,
    },
  );
}
