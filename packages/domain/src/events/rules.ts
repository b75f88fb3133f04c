// Event publishing and registration with a capacity and a first-come waitlist.
//
// Refusals to register because of the event's state are DomainError('INVALID_TRANSITION'), like petitions;
// a second registration with the same (canonical) email is DomainError('CONFLICT') on field 'email'.
import type { Clock } from '../shared/clock.js';
import { canonicalEmail } from '../shared/email.js';
import { DomainError } from '../shared/errors.js';
import type { IdGenerator } from '../shared/ids.js';
import type { Language } from '../shared/language.js';
import type {
  Event,
  EventInLanguage,
  EventStatus,
  Registration,
  RegistrationInputParsed,
  Venue,
} from './schema.js';

export type EventAction = 'publish' | 'unpublish' | 'cancel';

const EVENT_TRANSITIONS: Readonly<Record<EventAction, { from: readonly EventStatus[]; to: EventStatus }>> = {
  publish: { from: ['draft'], to: 'published' },
  unpublish: { from: ['published'], to: 'draft' },
  cancel: { from: ['draft', 'published'], to: 'cancelled' },
};

/** publish: draft → published; unpublish: published → draft; cancel: draft | published → cancelled. */
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

/** Throws DomainError('INVALID_TRANSITION') unless people can register for the event now. */
export function assertCanRegister(event: Event, clock: Clock): void {
  if (event.status === 'cancelled') {
    throw new DomainError('INVALID_TRANSITION', 'This event has been cancelled');
  }
  if (!publicEventStatuses.includes(event.status)) {
    throw new DomainError('INVALID_TRANSITION', 'This event is not open for registration yet');
  }
  if (!event.registrationOpen) {
    throw new DomainError('INVALID_TRANSITION', 'Registration for this event is closed');
  }
  if (clock.now().getTime() >= event.startsAt.getTime()) {
    throw new DomainError('INVALID_TRANSITION', 'This event has already started');
  }
}

const forEvent = (event: Pick<Event, 'id'>, registrations: readonly Registration[]) =>
  registrations.filter((r) => r.eventId === event.id);

/** Where a new registration goes: confirmed while there are places (or no limit), else the waitlist. */
export function placeFor(
  event: Pick<Event, 'id' | 'capacity'>,
  registrations: readonly Registration[],
): 'confirmed' | 'waitlisted' {
  if (event.capacity === null) return 'confirmed';
  const confirmed = forEvent(event, registrations).filter((r) => r.status === 'confirmed').length;
  return confirmed < event.capacity ? 'confirmed' : 'waitlisted';
}

/** Throws DomainError('CONFLICT') on field 'email' if this person already holds a place or a waitlist spot. */
export function assertNotRegistered(
  event: Pick<Event, 'id'>,
  registrations: readonly Registration[],
  email: string,
): void {
  const canonical = canonicalEmail(email);
  const duplicate = forEvent(event, registrations).some(
    (r) => r.status !== 'cancelled' && r.canonicalEmail === canonical,
  );
  if (duplicate) {
    throw new DomainError('CONFLICT', 'This email address is already registered for this event', {
      field: 'email',
    });
  }
}

/** A registration, confirmed or waitlisted, after checking the event is open and the person is not registered. */
export function newRegistration(
  event: Event,
  registrations: readonly Registration[],
  input: RegistrationInputParsed,
  ctx: { clock: Clock; ids: IdGenerator },
): Registration {
  assertCanRegister(event, ctx.clock);
  assertNotRegistered(event, registrations, input.email);
  return {
    id: ctx.ids.id(),
    eventId: event.id,
    name: input.name,
    email: input.email,
    canonicalEmail: canonicalEmail(input.email),
    status: placeFor(event, registrations),
    createdAt: ctx.clock.now(),
    cancelledAt: null,
    language: 'en',
    consent: null,
    accessNeeds: null,
    accessNeedsConsent: null,
    emailConfirmedAt: ctx.clock.now(),
    heldUntil: null,
    promotedAt: null,
    remindedAt: null,
    emailsSent: 0,
    cancelReason: null,
    checkedInAt: null,
  };
}

/** The waitlist in the order places are offered: earliest first, then by id. */
export function waitlistOrder(registrations: readonly Registration[]): Registration[] {
  return registrations
    .filter((r) => r.status === 'waitlisted')
    .sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
}

/**
 * Cancels a registration. When it held a confirmed place and a place is now free, the first person on the
 * waitlist is promoted. Cancelling an already-cancelled registration changes nothing (links get clicked twice).
 */
export function cancelRegistration(
  event: Pick<Event, 'id' | 'capacity'>,
  registrations: readonly Registration[],
  registrationId: string,
  clock: Clock,
): { cancelled: Registration; promoted: Registration | null } {
  const own = forEvent(event, registrations);
  const target = own.find((r) => r.id === registrationId);
  if (target === undefined) {
    throw new DomainError('NOT_FOUND', 'This registration could not be found');
  }
  if (target.status === 'cancelled') return { cancelled: target, promoted: null };

  const cancelled: Registration = { ...target, status: 'cancelled', cancelledAt: clock.now() };
  if (target.status !== 'confirmed') return { cancelled, promoted: null };

  const remaining = own.map((r) => (r.id === cancelled.id ? cancelled : r));
  const first = waitlistOrder(remaining)[0];
  if (first === undefined || placeFor(event, remaining) !== 'confirmed') return { cancelled, promoted: null };
  return { cancelled, promoted: { ...first, status: 'confirmed' } };
}

/** Fills places freed by a larger capacity from the waitlist, in order; returns the promoted registrations. */
export function promoteFromWaitlist(
  event: Pick<Event, 'id' | 'capacity'>,
  registrations: readonly Registration[],
): Registration[] {
  const own = forEvent(event, registrations);
  const waiting = waitlistOrder(own);
  const confirmed = own.filter((r) => r.status === 'confirmed').length;
  const free = event.capacity === null ? waiting.length : Math.max(0, event.capacity - confirmed);
  return waiting.slice(0, free).map((r) => ({ ...r, status: 'confirmed' as const }));
}

/** Places left, or null when there is no limit. */
export function placesLeft(
  event: Pick<Event, 'id' | 'capacity'>,
  registrations: readonly Registration[],
): number | null {
  if (event.capacity === null) return null;
  const confirmed = forEvent(event, registrations).filter((r) => r.status === 'confirmed').length;
  return Math.max(0, event.capacity - confirmed);
}

/**
 * Places left when `held` places are taken (confirmed and pending registrations, as the db counts them for the
 * public page), or null when there is no limit.
 */
export function placesLeftWhenHeld(event: Pick<Event, 'capacity'>, held: number): number | null {
  return event.capacity === null ? null : Math.max(0, event.capacity - held);
}

/** A plain OpenStreetMap search for a venue (name and address): a link, with no embedded map or third-party script. */
export function openStreetMapSearchUrl(venue: Venue): string {
  const query = [venue.name, venue.address].filter((part) => part.trim() !== '').join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}
