import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.js';
import { sequentialIds } from '../shared/ids.js';
import {
  activateMember,
  applyLifecycle,
  assertMembershipTypeAvailable,
  cancelMember,
  GRACE_PERIOD_DAYS,
  isMemberInGoodStanding,
  memberStatusAt,
  newMember,
  renewMember,
} from './rules.js';
import { memberInputSchema, type Member, type MemberStatus } from './schema.js';
import { catchError } from '../test-helpers.js';

const d = (iso: string) => new Date(iso);
const CREATED = d('2026-01-01T00:00:00.000Z');

function member(overrides: Partial<Member> = {}): Member {
  return {
    id: 'mem-1',
    name: 'José Mamani',
    email: 'jose@example.pe',
    canonicalEmail: 'jose@example.pe',
    language: 'es',
    membershipTypeId: 'type-individual',
    status: 'active',
    joinedAt: d('2025-03-15T10:00:00.000Z'),
    renewsAt: d('2026-03-15T10:00:00.000Z'),
    cancelledAt: null,
    source: 'form',
    consent: null,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...overrides,
  };
}

describe('newMember', () => {
  it('creates a pending member with a canonical email', () => {
    const input = memberInputSchema.parse({
      name: 'Ana',
      email: 'Ana.Q@GMAIL.com',
      membershipTypeId: 'type-1',
    });
    expect(
      newMember(input, { clock: fixedClock(CREATED), ids: sequentialIds('mem'), source: 'form' }),
    ).toEqual({
      id: 'mem-1',
      name: 'Ana',
      email: 'Ana.Q@GMAIL.com',
      canonicalEmail: 'anaq@gmail.com',
      language: 'en',
      membershipTypeId: 'type-1',
      status: 'pending',
      joinedAt: null,
      renewsAt: null,
      cancelledAt: null,
      source: 'form',
      consent: null,
      createdAt: CREATED,
      updatedAt: CREATED,
    });
  });
});

describe('activateMember', () => {
  it('makes a pending member active for a year', () => {
    const now = d('2028-02-29T09:00:00.000Z');
    const pending = member({ status: 'pending', joinedAt: null, renewsAt: null });
    expect(activateMember(pending, fixedClock(now))).toEqual({
      ...pending,
      status: 'active',
      joinedAt: now,
      renewsAt: d('2029-02-28T09:00:00.000Z'),
      updatedAt: now,
    });
  });

  it('keeps an earlier join date', () => {
    const pending = member({ status: 'pending', joinedAt: d('2020-01-01T00:00:00.000Z'), renewsAt: null });
    expect(activateMember(pending, fixedClock('2026-05-01T00:00:00.000Z')).joinedAt).toEqual(
      d('2020-01-01T00:00:00.000Z'),
    );
  });

  it.each([
    ['active', 'Cannot activate an active member'],
    ['grace', 'Cannot activate a member in their grace period'],
    ['lapsed', 'Cannot activate a lapsed member'],
    ['cancelled', 'Cannot activate a cancelled member'],
  ] as [MemberStatus, string][])('refuses %s', (status, message) => {
    const error = catchError(() => activateMember(member({ status }), fixedClock(CREATED)));
    expect([error.code, error.message]).toEqual(['INVALID_TRANSITION', message]);
  });
});

describe('renewMember', () => {
  it.each([
    // Renewing early adds a year to the current renewal date.
    ['active', '2026-03-01T00:00:00.000Z', '2027-03-15T10:00:00.000Z'],
    ['active', '2026-03-15T09:59:59.999Z', '2027-03-15T10:00:00.000Z'],
    // Renewing on or after the renewal date adds a year to now.
    ['grace', '2026-03-15T10:00:00.000Z', '2027-03-15T10:00:00.000Z'],
    ['grace', '2026-04-01T12:00:00.000Z', '2027-04-01T12:00:00.000Z'],
    ['lapsed', '2026-09-30T08:00:00.000Z', '2027-09-30T08:00:00.000Z'],
  ] as [MemberStatus, string, string][])('%s at %s → renews %s', (status, at, renewsAt) => {
    const before = member({ status });
    expect(renewMember(before, fixedClock(at))).toEqual({
      ...before,
      status: 'active',
      renewsAt: d(renewsAt),
      updatedAt: d(at),
    });
  });

  it.each([
    ['pending', 'Cannot renew a pending member'],
    ['cancelled', 'Cannot renew a cancelled member'],
  ] as [MemberStatus, string][])('refuses %s', (status, message) => {
    const error = catchError(() => renewMember(member({ status }), fixedClock(CREATED)));
    expect([error.code, error.message]).toEqual(['INVALID_TRANSITION', message]);
  });
});

describe('cancelMember', () => {
  it.each(['pending', 'active', 'grace', 'lapsed'] as MemberStatus[])('cancels a %s member', (status) => {
    const at = d('2026-04-01T00:00:00.000Z');
    const before = member({ status });
    expect(cancelMember(before, fixedClock(at))).toEqual({
      ...before,
      status: 'cancelled',
      cancelledAt: at,
      updatedAt: at,
    });
  });

  it('refuses to cancel twice', () => {
    const error = catchError(() => cancelMember(member({ status: 'cancelled' }), fixedClock(CREATED)));
    expect([error.code, error.message]).toEqual([
      'INVALID_TRANSITION',
      'This membership is already cancelled',
    ]);
  });
});

describe('memberStatusAt', () => {
  // renewsAt = 2026-03-15T10:00Z; grace ends 30 days later at 2026-04-14T10:00Z.
  it.each([
    ['active', '2026-03-15T09:59:59.999Z', 'active'],
    ['active', '2026-03-15T10:00:00.000Z', 'grace'],
    ['active', '2026-04-14T09:59:59.999Z', 'grace'],
    ['active', '2026-04-14T10:00:00.000Z', 'lapsed'],
    ['grace', '2026-03-01T00:00:00.000Z', 'active'],
    ['lapsed', '2026-03-20T00:00:00.000Z', 'grace'],
    ['grace', '2027-01-01T00:00:00.000Z', 'lapsed'],
    ['pending', '2027-01-01T00:00:00.000Z', 'pending'],
    ['cancelled', '2026-03-01T00:00:00.000Z', 'cancelled'],
  ] as [MemberStatus, string, MemberStatus][])('%s at %s → %s', (status, at, expected) => {
    expect(memberStatusAt(member({ status }), d(at))).toBe(expected);
  });

  it('uses the grace period it is given', () => {
    expect(GRACE_PERIOD_DAYS).toBe(30);
    expect(memberStatusAt(member(), d('2026-03-22T10:00:00.000Z'), 7)).toBe('lapsed');
    expect(memberStatusAt(member(), d('2026-03-22T09:59:59.999Z'), 7)).toBe('grace');
    expect(memberStatusAt(member(), d('2026-03-15T10:00:00.000Z'), 0)).toBe('lapsed');
  });

  it('keeps the status of a member without a renewal date', () => {
    expect(memberStatusAt(member({ renewsAt: null }), d('2030-01-01T00:00:00.000Z'))).toBe('active');
  });
});

describe('applyLifecycle', () => {
  it('stores a changed status with a new updatedAt', () => {
    const at = d('2026-03-16T00:00:00.000Z');
    const before = member();
    expect(applyLifecycle(before, fixedClock(at))).toEqual({ ...before, status: 'grace', updatedAt: at });
  });

  it('returns the same member when nothing changed', () => {
    const before = member();
    expect(applyLifecycle(before, fixedClock('2026-03-01T00:00:00.000Z'))).toBe(before);
  });
});

describe('isMemberInGoodStanding', () => {
  it.each([
    ['2026-03-01T00:00:00.000Z', true],
    ['2026-04-01T00:00:00.000Z', true],
    ['2026-04-14T10:00:00.000Z', false],
  ])('at %s → %s', (at, expected) => {
    expect(isMemberInGoodStanding(member(), d(at))).toBe(expected);
  });
});

describe('assertMembershipTypeAvailable', () => {
  const type = {
    id: 't',
    slug: 'concession',
    name: 'Concession',
    annualFee: 1000,
    currency: 'GBP',
    active: false,
  };
  it('refuses a retired type', () => {
    const error = catchError(() => assertMembershipTypeAvailable(type));
    expect([error.code, error.field, error.message]).toEqual([
      'VALIDATION',
      'membershipTypeId',
      'The Concession membership is no longer offered',
    ]);
  });

  it('accepts an active type', () => {
    expect(assertMembershipTypeAvailable({ ...type, active: true })).toBeUndefined();
  });
});
