// Rules about staff accounts that no procedure may bypass: the last owner stays, invitations expire.
import { DomainError } from '../shared/errors.js';
import type { InvitationState, StaffRole } from './schema.js';

export const INVITATION_TTL_HOURS = 72;
export const PASSWORD_RESET_TTL_MINUTES = 60;

export interface StaffMember {
  id: string;
  role: StaffRole;
  suspended: boolean;
}

/** Only an owner may invite another owner. */
export function assertMayInvite(actor: { role: StaffRole }, role: StaffRole): void {
  if (role === 'owner' && actor.role !== 'owner') {
    throw new DomainError('FORBIDDEN', 'Only an owner can invite another owner.', { field: 'role' });
  }
}

/**
 * A change to `target` — a new role, suspension, or reactivation — must leave at least one active owner, and only
 * an owner may make, change or unmake an owner.
 */
export function assertStaffChangeAllowed(
  actor: { id: string; role: StaffRole },
  target: StaffMember,
  change: { role: StaffRole } | { suspend: true } | { reactivate: true },
  activeOwners: number,
): void {
  const touchesOwner = target.role === 'owner' || ('role' in change && change.role === 'owner');
  if (touchesOwner && actor.role !== 'owner') {
    throw new DomainError('FORBIDDEN', 'Only an owner can change an owner or make someone an owner.');
  }
  if ('reactivate' in change) return;
  const removesOwner =
    target.role === 'owner' && !target.suspended && ('suspend' in change || change.role !== 'owner');
  if (removesOwner && activeOwners <= 1) {
    throw new DomainError('CONFLICT', 'This is the last owner: make someone else an owner first.');
  }
  if ('suspend' in change && actor.id === target.id) {
    throw new DomainError('CONFLICT', 'You cannot suspend your own account.');
  }
}

export function invitationExpiresAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + INVITATION_TTL_HOURS * 3_600_000);
}

export function invitationState(
  inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationState {
  if (inv.acceptedAt) return 'accepted';
  if (inv.revokedAt) return 'revoked';
  return now >= inv.expiresAt ? 'expired' : 'pending';
}

/** The message a person following an invitation link sees when it cannot be used. */
export function assertInvitationUsable(
  inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null,
  now: Date,
): void {
  if (!inv)
    throw new DomainError('NOT_FOUND', 'This invitation link is not valid. Ask for a new invitation.');
  const state = invitationState(inv, now);
  if (state === 'accepted')
    throw new DomainError('CONFLICT', 'This invitation has already been used. Sign in instead.');
  if (state === 'revoked')
    throw new DomainError('CONFLICT', 'This invitation was withdrawn. Ask for a new invitation.');
  if (state === 'expired')
    throw new DomainError('CONFLICT', 'This invitation has expired. Ask for a new invitation.');
}

/**
 * Why an invitation's email is not sent (shown on the message in the admin), or null when it may be sent: a link
 * is minted only for an invitation that can still be accepted.
 */
export function invitationNotSentReason(
  inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null,
  now: Date,
): string | null {
  if (!inv) return 'Not sent: the invitation no longer exists.';
  const state = invitationState(inv, now);
  if (state === 'accepted') return 'Not sent: the invitation was already accepted.';
  if (state === 'revoked') return 'Not sent: the invitation was withdrawn.';
  if (state === 'expired') return 'Not sent: the invitation has expired.';
  return null;
}

/** When a password reset stops working: one lifetime after it was asked for, however often its email is retried. */
export function passwordResetExpiresAt(requestedAt: Date): Date {
  return new Date(requestedAt.getTime() + PASSWORD_RESET_TTL_MINUTES * 60_000);
}

/**
 * Why a password-reset email is not sent (shown on the message in the admin), or null when it may be: a retry, or
 * staff retrying the message later, must not hand out a working link for a reset asked for long ago.
 */
export function passwordResetNotSentReason(requestedAt: Date, now: Date): string | null {
  if (now < passwordResetExpiresAt(requestedAt)) return null;
  return `Not sent: the password reset was requested more than ${PASSWORD_RESET_TTL_MINUTES} minutes ago; they can ask for a new one.`;
}
