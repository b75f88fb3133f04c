// The membership lifecycle as pure functions of a clock. The stored status is refreshed by applyLifecycle
// (run by a job), but memberStatusAt gives the true status at any moment without waiting for that job.
import type { Clock } from '../shared/clock.js';
import type { ConsentRecord } from '../shared/consent.js';
import { canonicalEmail } from '../shared/email.js';
import { DomainError } from '../shared/errors.js';
import type { IdGenerator } from '../shared/ids.js';
import { addDays, addYears, maxDate } from '../shared/time.js';
import type { Member, MemberInputParsed, MemberSource, MemberStatus, MembershipType } from './schema.js';

/** Days after the renewal date during which a member keeps their benefits before lapsing. */
export const GRACE_PERIOD_DAYS = 30;

const MEMBER_PHRASES: Readonly<Record<MemberStatus, string>> = {
  pending: 'a pending member',
  active: 'an active member',
  grace: 'a member in their grace period',
  lapsed: 'a lapsed member',
  cancelled: 'a cancelled member',
};
const memberPhrase = (status: MemberStatus) => MEMBER_PHRASES[status];

/** A pending member; activateMember makes them active once they have paid (or staff say so). */
export function newMember(
  input: MemberInputParsed,
  ctx: { clock: Clock; ids: IdGenerator; source: MemberSource; consent?: ConsentRecord | null },
): Member {
  const now = ctx.clock.now();
  return {
    id: ctx.ids.id(),
    name: input.name,
    email: input.email,
    canonicalEmail: canonicalEmail(input.email),
    language: input.language,
    membershipTypeId: input.membershipTypeId,
    status: 'pending',
    joinedAt: null,
    renewsAt: null,
    cancelledAt: null,
    source: ctx.source,
    consent: ctx.consent ?? null,
    createdAt: now,
    updatedAt: now,
  };
}

/** pending → active, for a year from now. */
export function activateMember(member: Member, clock: Clock): Member {
  if (member.status !== 'pending') {
    throw new DomainError('INVALID_TRANSITION', `Cannot activate ${memberPhrase(member.status)}`);
  }
  const now = clock.now();
  return {
    ...member,
    status: 'active',
    joinedAt: member.joinedAt ?? now,
    renewsAt: addYears(now, 1),
    updatedAt: now,
  };
}

/** active | grace | lapsed → active; a year is added to the later of the renewal date and now. */
export function renewMember(member: Member, clock: Clock): Member {
  if (member.status !== 'active' && member.status !== 'grace' && member.status !== 'lapsed') {
    throw new DomainError('INVALID_TRANSITION', `Cannot renew ${memberPhrase(member.status)}`);
  }
  const now = clock.now();
  const from = member.renewsAt === null ? now : maxDate(member.renewsAt, now);
  return { ...member, status: 'active', renewsAt: addYears(from, 1), updatedAt: now };
}

/** Any status except cancelled → cancelled. */
export function cancelMember(member: Member, clock: Clock): Member {
  if (member.status === 'cancelled') {
    throw new DomainError('INVALID_TRANSITION', 'This membership is already cancelled');
  }
  const now = clock.now();
  return { ...member, status: 'cancelled', cancelledAt: now, updatedAt: now };
}

/**
 * The status a member really has at `now`: before renewsAt → active; from renewsAt for `graceDays` → grace;
 * after that → lapsed. Pending and cancelled members, and members without a renewal date, keep their status.
 */
export function memberStatusAt(
  member: Pick<Member, 'status' | 'renewsAt'>,
  now: Date,
  graceDays: number = GRACE_PERIOD_DAYS,
): MemberStatus {
  if (member.status === 'pending' || member.status === 'cancelled' || member.renewsAt === null)
    return member.status;
  const t = now.getTime();
  if (t < member.renewsAt.getTime()) return 'active';
  if (t < addDays(member.renewsAt, graceDays).getTime()) return 'grace';
  return 'lapsed';
}

/** Stores the derived status; the same object comes back when nothing changed. */
export function applyLifecycle(member: Member, clock: Clock): Member {
  const now = clock.now();
  const status = memberStatusAt(member, now);
  return status === member.status ? member : { ...member, status, updatedAt: now };
}

/** Whether a member currently has the benefits of membership (active or in grace). */
export function isMemberInGoodStanding(member: Pick<Member, 'status' | 'renewsAt'>, now: Date): boolean {
  const status = memberStatusAt(member, now);
  return status === 'active' || status === 'grace';
}

/** Refuses a membership type that is no longer offered. */
export function assertMembershipTypeAvailable(type: MembershipType): void {
  if (!type.active) {
    throw new DomainError('VALIDATION', `The ${type.name} membership is no longer offered`, {
      field: 'membershipTypeId',
    });
  }
}
