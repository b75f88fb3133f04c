// Event publishing and registration with a capacity and a first-come waitlist.
//
// Refusals to register because of the event's state are DomainError('INVALID_TRANSITION'), like petitions. One
// live registration per person (canonical email) per event is the database's unique index; the use cases are in
// service.ts.
import type { Clock } from '../shared/clock.js';
import { canonicalEmail } from '../shared/email.js';
import { DomainError } from '../shared/errors.js';
import type { IdGenerator } from '../shared/ids.js';
import type { Language } from '../shared/language.js';
import type { RegistrationConsents } from './consent.js';
import type {
  Event,
  EventInLanguage,
  EventStatus,
  Registration,
  RegistrationCancelReason,
  RegistrationInputParsed,
  Venue,
} from './schema.js';

export type EventAction = 'publish' | 'unpublish' | 'cancel';

const EVENT_TRANSITIONS: Readonly<Record<EventAction, { from: readonly EventStatus[]; to: EventStatus }>> = {
  publish: { from: ['draft'], to: 'published' },
  unpublish: { from: ['published', 'rescheduled'], to: 'draft' },
  // A draft is not cancelled: it was never announced (a cancelled event keeps a public page saying it is off).
  cancel: { from: ['published', 'rescheduled'], to: 'cancelled' },
};

/**
 * publish: draft → published; unpublish: published | rescheduled → draft; cancel: published | rescheduled →
 * cancelled.
 */
export function transitionEvent(event: Event, action: EventAction, clock: Clock): Event {
  const { from, to } = EVENT_TRANSITIONS[action];
  if (!from.includes(event.status)) {
    throw new DomainError('INVALID_TRANSITION', `Cannot ${action} an event that is ${event.status}`);
  }
  return { ...event, status: to, updatedAt: clock.now() };
}

/** The statuses in which readers see an event: a rescheduled event still happens, at its new time. */
export const publicEventStatuses: readonly EventStatus[] = ['published', 'rescheduled'];

/**
 * The statuses in which an event has a public page (and a place in the calendar feed): those readers see, and
 * cancelled ones, so that people who planned to come read that it is off. A draft has none.
 */
export const eventPageStatuses: readonly EventStatus[] = [...publicEventStatuses, 'cancelled'];

/** The event in one language, or null when it has no texts in that language. */
export function eventInLanguage(event: Event, language: Language): EventInLanguage | null {
  const text = event.translations[language];
  if (text === undefined) return null;
  const { translations: _translations, ...fields } = event;
  return { ...fields, ...text, language };
}

/** Throws DomainError('INVALID_TRANSITION') unless people can register for the event on this site now. */
export function assertCanRegister(event: Event, clock: Clock): void {
  const now = clock.now().getTime();
  if (event.status === 'cancelled') {
    throw new DomainError('INVALID_TRANSITION', 'This event has been cancelled');
  }
  if (!publicEventStatuses.includes(event.status)) {
    throw new DomainError('INVALID_TRANSITION', 'This event is not open for registration yet');
  }
  if (event.registrationMode !== 'here') {
    throw new DomainError('INVALID_TRANSITION', 'This event takes no registrations on this site');
  }
  if (!event.registrationOpen) {
    throw new DomainError('INVALID_TRANSITION', 'Registration for this event is closed');
  }
  if (event.registrationOpensAt !== null && now < event.registrationOpensAt.getTime()) {
    throw new DomainError('INVALID_TRANSITION', 'Registration for this event has not opened yet');
  }
  if (event.registrationClosesAt !== null && now >= event.registrationClosesAt.getTime()) {
    throw new DomainError('INVALID_TRANSITION', 'Registration for this event is closed');
  }
  if (now >= event.startsAt.getTime()) {
    throw new DomainError('INVALID_TRANSITION', 'This event has already started');
  }
}

/** Whether the event page shows the register form now (assertCanRegister would let a registration through). */
export function canRegister(event: Event, clock: Clock): boolean {
  try {
    assertCanRegister(event, clock);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

/** An event's live registrations by status, as the database counts them. */
export interface RegistrationCounts {
  confirmed: number;
  pending: number;
  waitlisted: number;
}

/** Confirmed and pending registrations hold a place (a pending one until its hold runs out); waitlisted do not. */
export function holdsPlace(registration: Pick<Registration, 'status'>): boolean {
  return registration.status === 'confirmed' || registration.status === 'pending';
}

/**
 * The one rule for "places left": the capacity minus the places held (confirmed and pending), never below 0; null
 * when there is no limit. The event page, registering, and promoting from the waitlist all read it.
 */
export function placesLeft(
  event: Pick<Event, 'capacity'>,
  counts: Pick<RegistrationCounts, 'confirmed' | 'pending'>,
): number | null {
  return event.capacity === null ? null : Math.max(0, event.capacity - counts.confirmed - counts.pending);
}

/** Where a new registration goes: a held place (pending until the email is confirmed) while one is free, else the waitlist. */
export function placeFor(
  event: Pick<Event, 'capacity'>,
  counts: RegistrationCounts,
): 'pending' | 'waitlisted' {
  const left = placesLeft(event, counts);
  return left === null || left > 0 ? 'pending' : 'waitlisted';
}

/** How long a pending registration holds its place while its email is not confirmed. */
export const REGISTRATION_HOLD_HOURS = 48;
/** A registration causes at most this many emails from registering (its confirmation, re-sends). */
export const MAX_REGISTRATION_EMAILS = 5;
/** Access needs are deleted this many days after the event ends. */
export const ACCESS_NEEDS_RETENTION_DAYS = 30;
/** The reminder goes out when the event starts within this many hours. */
export const REMINDER_HOURS = 24;

const HOUR_MS = 60 * 60 * 1000;

export function holdUntil(now: Date): Date {
  return new Date(now.getTime() + REGISTRATION_HOLD_HOURS * HOUR_MS);
}

/** Links in a registration's emails (confirm, cancel) work until the event ends. */
export function registrationTokenExpiresAt(event: Pick<Event, 'endsAt'>, issuedAt: Date): Date {
  return new Date(Math.max(event.endsAt.getTime(), issuedAt.getTime() + HOUR_MS));
}

/** Before this moment an event's end is old enough for its registrations' access needs to be deleted. */
export function accessNeedsCutoff(now: Date): Date {
  return new Date(now.getTime() - ACCESS_NEEDS_RETENTION_DAYS * 24 * HOUR_MS);
}

/**
 * When a registration arrived, for the waitlist's order: now, or just after the event's latest arrival when that
 * is not earlier (registrations in the same millisecond, decided one after another under the event's lock, keep
 * the order they were decided in).
 */
export function arrivalTime(now: Date, lastArrival: Date | null): Date {
  return lastArrival !== null && lastArrival.getTime() >= now.getTime()
    ? new Date(lastArrival.getTime() + 1)
    : now;
}

/**
 * A new registration after checking the event takes registrations now: pending (holding a place for
 * REGISTRATION_HOLD_HOURS) or waitlisted, with its consents as the form showed them.
 */
export function newRegistration(
  event: Event,
  input: RegistrationInputParsed,
  ctx: {
    clock: Clock;
    ids: IdGenerator;
    consents: RegistrationConsents;
    language: Language;
    place: 'pending' | 'waitlisted';
  },
): Registration {
  assertCanRegister(event, ctx.clock);
  const now = ctx.clock.now();
  const consent = (text: { statement: string; version: string }) => ({ ...text, givenAt: now });
  const accessNeeds = input.accessNeedsConsent ? input.accessNeeds : null;
  return {
    id: ctx.ids.id(),
    eventId: event.id,
    name: input.name,
    email: input.email,
    canonicalEmail: canonicalEmail(input.email),
    status: ctx.place,
    createdAt: now,
    cancelledAt: null,
    language: ctx.language,
    consent: consent(ctx.consents.registration),
    accessNeeds,
    accessNeedsConsent: accessNeeds !== null ? consent(ctx.consents.accessNeeds) : null,
    emailConfirmedAt: null,
    heldUntil: ctx.place === 'pending' ? holdUntil(now) : null,
    promotedAt: null,
    remindedAt: null,
    emailsSent: 0,
    cancelReason: null,
    checkedInAt: null,
  };
}

/**
 * The email link followed: a pending registration is confirmed (its place is now kept); a waitlisted one only
 * records the confirmed email and stays in line. Idempotent (scanners and people open links twice).
 */
export function confirmRegistrationEmail(registration: Registration, clock: Clock): Registration {
  if (registration.emailConfirmedAt !== null && registration.status !== 'pending') return registration;
  const now = clock.now();
  if (registration.status === 'pending') {
    return {
      ...registration,
      status: 'confirmed',
      emailConfirmedAt: registration.emailConfirmedAt ?? now,
      heldUntil: null,
    };
  }
  if (registration.status === 'waitlisted') return { ...registration, emailConfirmedAt: now };
  return registration;
}

/** Whether a pending registration's hold has run out at `now` (its place goes to the next person). */
export function holdExpired(registration: Registration, now: Date): boolean {
  return (
    registration.status === 'pending' &&
    registration.heldUntil !== null &&
    registration.heldUntil.getTime() <= now.getTime()
  );
}

/** Cancels a live registration for `reason`; an already-cancelled one is returned as it is. */
export function cancelledRegistration(
  registration: Registration,
  reason: RegistrationCancelReason,
  clock: Clock,
): Registration {
  if (registration.status === 'cancelled') return registration;
  return {
    ...registration,
    status: 'cancelled',
    cancelledAt: clock.now(),
    cancelReason: reason,
    heldUntil: null,
  };
}

/**
 * Off the waitlist: confirmed when the person had confirmed their email, else pending with a new hold (the email
 * then carries the confirm link). Only a waitlisted registration can be promoted.
 */
export function promotedRegistration(registration: Registration, clock: Clock): Registration {
  if (registration.status !== 'waitlisted') {
    throw new DomainError(
      'INVALID_TRANSITION',
      `Cannot move a registration that is ${registration.status} off the waitlist`,
    );
  }
  const now = clock.now();
  return registration.emailConfirmedAt !== null
    ? { ...registration, status: 'confirmed', promotedAt: now, heldUntil: null }
    : { ...registration, status: 'pending', promotedAt: now, heldUntil: holdUntil(now) };
}

/** Whether places freed now go to the waitlist: the event still happens and has not started. */
export function fillsFromWaitlist(event: Event, now: Date): boolean {
  return publicEventStatuses.includes(event.status) && now.getTime() < event.startsAt.getTime();
}

/** Checked in at the door: only a confirmed registration, once (a second check-in keeps the first time). */
export function checkedInRegistration(registration: Registration, clock: Clock): Registration {
  if (registration.status !== 'confirmed') {
    throw new DomainError(
      'INVALID_TRANSITION',
      `Cannot check in a registration that is ${registration.status}`,
    );
  }
  return registration.checkedInAt !== null ? registration : { ...registration, checkedInAt: clock.now() };
}

/** A plain OpenStreetMap search for a venue (name and address): a link, with no embedded map or third-party script. */
export function openStreetMapSearchUrl(venue: Venue): string {
  const query = [venue.name, venue.address].filter((part) => part.trim() !== '').join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}
