import { describe, expect, it } from 'vitest';
import { catchError } from '../test-helpers.js';
import {
  assertInvitationUsable,
  assertStaffChangeAllowed,
  invitationExpiresAt,
  invitationNotSentReason,
  invitationState,
  PASSWORD_RESET_TTL_MINUTES,
  passwordResetExpiresAt,
  passwordResetNotSentReason,
} from './rules.js';

const owner = { id: 'o1', role: 'owner' as const };
const admin = { id: 'a1', role: 'admin' as const };

describe('assertStaffChangeAllowed', () => {
  it('refuses to demote or suspend the last active owner', () => {
    const target = { id: 'o1', role: 'owner' as const, suspended: false };
    expect(
      catchError(() => assertStaffChangeAllowed({ id: 'o2', role: 'owner' }, target, { role: 'admin' }, 1)),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'This is the last owner: make someone else an owner first.',
    });
    expect(
      catchError(() => assertStaffChangeAllowed({ id: 'o2', role: 'owner' }, target, { suspend: true }, 1))
        .code,
    ).toBe('CONFLICT');
  });

  it('allows demoting an owner when another active owner remains', () => {
    expect(() =>
      assertStaffChangeAllowed(owner, { id: 'o2', role: 'owner', suspended: false }, { role: 'admin' }, 2),
    ).not.toThrow();
  });

  it('keeps owners in the hands of owners', () => {
    expect(
      catchError(() =>
        assertStaffChangeAllowed(admin, { id: 'e1', role: 'editor', suspended: false }, { role: 'owner' }, 1),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only an owner can change an owner or make someone an owner.',
    });
    expect(
      catchError(() =>
        assertStaffChangeAllowed(admin, { id: 'o1', role: 'owner', suspended: false }, { suspend: true }, 2),
      ).code,
    ).toBe('FORBIDDEN');
    expect(() =>
      assertStaffChangeAllowed(admin, { id: 'e1', role: 'editor', suspended: false }, { role: 'viewer' }, 1),
    ).not.toThrow();
  });

  it('refuses suspending yourself', () => {
    expect(
      catchError(() =>
        assertStaffChangeAllowed(admin, { id: 'a1', role: 'admin', suspended: false }, { suspend: true }, 1),
      ).message,
    ).toBe('You cannot suspend your own account.');
  });
});

describe('invitations', () => {
  const created = new Date('2026-11-27T12:00:00.000Z');
  const inv = { acceptedAt: null, revokedAt: null, expiresAt: invitationExpiresAt(created) };

  it('expire 72 hours after they are sent', () => {
    expect(inv.expiresAt).toEqual(new Date('2026-11-30T12:00:00.000Z'));
    expect(invitationState(inv, new Date('2026-11-30T11:59:59.999Z'))).toBe('pending');
    expect(invitationState(inv, new Date('2026-11-30T12:00:00.000Z'))).toBe('expired');
  });

  it.each([
    [null, 'NOT_FOUND', 'This invitation link is not valid. Ask for a new invitation.'],
    [{ ...inv, acceptedAt: created }, 'CONFLICT', 'This invitation has already been used. Sign in instead.'],
    [{ ...inv, revokedAt: created }, 'CONFLICT', 'This invitation was withdrawn. Ask for a new invitation.'],
    [{ ...inv, expiresAt: created }, 'CONFLICT', 'This invitation has expired. Ask for a new invitation.'],
  ])('explains why a link cannot be used (%#)', (invitation, code, message) => {
    expect(catchError(() => assertInvitationUsable(invitation, created))).toMatchObject({ code, message });
  });

  it.each([
    [inv, null],
    [null, 'Not sent: the invitation no longer exists.'],
    [{ ...inv, acceptedAt: created }, 'Not sent: the invitation was already accepted.'],
    [{ ...inv, revokedAt: created }, 'Not sent: the invitation was withdrawn.'],
    [{ ...inv, expiresAt: created }, 'Not sent: the invitation has expired.'],
  ])('say why their email is not sent (%#)', (invitation, reason) => {
    expect(invitationNotSentReason(invitation, created)).toBe(reason);
  });
});

describe('password reset', () => {
  const requestedAt = new Date('2026-11-27T12:00:00.000Z');
  const later = (minutes: number) => new Date(requestedAt.getTime() + minutes * 60_000);

  it('lasts one lifetime from the request, not from the latest send', () => {
    expect(passwordResetExpiresAt(requestedAt)).toEqual(later(PASSWORD_RESET_TTL_MINUTES));
  });

  it('is sent within its lifetime and refused, with a reason, once it has run out', () => {
    expect(passwordResetNotSentReason(requestedAt, requestedAt)).toBeNull();
    expect(passwordResetNotSentReason(requestedAt, later(PASSWORD_RESET_TTL_MINUTES - 1))).toBeNull();
    expect(passwordResetNotSentReason(requestedAt, later(PASSWORD_RESET_TTL_MINUTES))).toMatch(
      /^Not sent: the password reset was requested more than \d+ minutes ago/,
    );
    expect(passwordResetNotSentReason(requestedAt, later(60 * 24 * 3))).not.toBeNull();
  });
});
