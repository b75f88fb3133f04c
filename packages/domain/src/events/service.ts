// Registering for an event (issue 14): the reader's use cases from the public site (register, confirm from the
// emailed link, cancel from it), the staff's from the admin (cancel, move off the waitlist by hand, check in), and
// the worker's (release expired holds, fill freed places, reminders, deleting access needs).
//
// Every use case that counts places or gives them out first locks the event's row (RegistrationRepository.
// lockEvent), so two registrations, or two cancellations, at once are decided one after the other: no place is
// given twice and each freed place promotes one person, once. Like signing, the reader's steps are not audited
// and touch no part of the site: the event page's "places left" is read at most a minute old.
import { change, type Change } from '../shared/change.js';
import type { Clock } from '../shared/clock.js';
import { canonicalEmail } from '../shared/email.js';
import { DomainError } from '../shared/errors.js';
import type { IdGenerator } from '../shared/ids.js';
import type { Language } from '../shared/language.js';
import type { RegistrationConsents } from './consent.js';
import type { RegistrationEmails, RegistrationRepository, RegistrationSweeps } from './ports.js';
import {
  accessNeedsCutoff,
  arrivalTime,
  assertCanRegister,
  cancelledRegistration,
  checkedInRegistration,
  confirmRegistrationEmail,
  fillsFromWaitlist,
  holdExpired,
  holdsPlace,
  MAX_REGISTRATION_EMAILS,
  newRegistration,
  placeFor,
  placesLeft,
  promotedRegistration,
  publicEventStatuses,
  REMINDER_HOURS,
} from './rules.js';
import type { Event, Registration, RegistrationCancelReason, RegistrationInputParsed } from './schema.js';

export interface RegistrationPorts {
  registrations: RegistrationRepository;
  emails: RegistrationEmails;
  clock: Clock;
  ids: IdGenerator;
}

export interface RegisterForEvent {
  eventId: string;
  /** The language of the page registered on: the emails are in it. */
  language: Language;
  input: RegistrationInputParsed;
  /** The statements the form showed (registrationConsents). */
  consents: RegistrationConsents;
}

/**
 * What happened, for tests and the benchmark; the reader sees the same "check your email" page whatever it is, so
 * registering never tells whether an address had registered.
 */
export type RegistrationOutcome =
  /** A new registration, its confirmation email queued. */
  | 'emailed'
  /** The person's live registration: its email sent again. */
  | 'resent'
  /** Nothing sent: the registration has had its MAX_REGISTRATION_EMAILS emails. */
  | 'not-emailed';

export interface Registered {
  registrationId: string;
  status: Registration['status'];
  outcome: RegistrationOutcome;
}

async function lockedEvent(ports: Pick<RegistrationPorts, 'registrations'>, eventId: string): Promise<Event> {
  const event = await ports.registrations.lockEvent(eventId);
  if (!event) throw new DomainError('NOT_FOUND', 'Event not found');
  return event;
}

/** Registers a reader: a held place (pending, 48 hours) while one is free, else the waitlist; double opt-in. */
export async function registerForEvent(
  ports: RegistrationPorts,
  command: RegisterForEvent,
): Promise<Change<Registered>> {
  const event = await lockedEvent(ports, command.eventId);
  assertCanRegister(event, ports.clock);
  const existing = await ports.registrations.findLive(event.id, canonicalEmail(command.input.email));
  if (existing) return change(await registerAgain(ports, event, existing), null);
  const place = placeFor(event, await ports.registrations.counts(event.id));
  const fresh: Registration = {
    ...newRegistration(event, command.input, {
      clock: ports.clock,
      ids: ports.ids,
      consents: command.consents,
      language: command.language,
      place,
    }),
    createdAt: arrivalTime(ports.clock.now(), await ports.registrations.lastArrival(event.id)),
    emailsSent: 1,
  };
  if (!(await ports.registrations.insertIfNew(fresh))) {
    const live = await ports.registrations.findLive(event.id, fresh.canonicalEmail);
    if (!live) throw new DomainError('CONFLICT', 'Please send the form again');
    return change(await registerAgain(ports, event, live), null);
  }
  const position = place === 'waitlisted' ? await ports.registrations.waitlistPosition(fresh) : null;
  await ports.emails.confirmYourRegistration(fresh, event, position);
  return change({ registrationId: fresh.id, status: fresh.status, outcome: 'emailed' }, null);
}

/**
 * The same person registering again: the email their registration is waiting for goes again (the confirmation,
 * with the position when waitlisted; "you are registered" once confirmed), within MAX_REGISTRATION_EMAILS. The
 * registration on record is kept as it is.
 */
async function registerAgain(
  ports: RegistrationPorts,
  event: Event,
  existing: Registration,
): Promise<Registered> {
  const result = (outcome: RegistrationOutcome): Registered => ({
    registrationId: existing.id,
    status: existing.status,
    outcome,
  });
  if (!(await ports.registrations.claimEmail(existing.id, MAX_REGISTRATION_EMAILS))) {
    return result('not-emailed');
  }
  if (existing.status === 'confirmed') {
    await ports.emails.registered(existing, event);
  } else {
    const position =
      existing.status === 'waitlisted' ? await ports.registrations.waitlistPosition(existing) : null;
    await ports.emails.confirmYourRegistration(existing, event, position);
  }
  return result('resent');
}

export interface ByLink {
  /** The hash of the token in the link's path (the token itself never reaches the domain's storage). */
  tokenHash: string;
}

export type RegistrationConfirmation =
  /** Holding a place (confirmed now, or before: a second press is harmless). */
  | { status: 'confirmed'; registration: Registration; event: Event; now: boolean }
  /** Still in line, email confirmed. */
  | { status: 'waitlisted'; registration: Registration; event: Event; position: number; now: boolean }
  /** The 48-hour hold ran out before the link was followed: the place went to the next person. */
  | { status: 'expired'; registration: Registration; event: Event }
  /** Cancelled meanwhile (by the person, staff, an expired hold, or the event's cancellation). */
  | { status: 'cancelled'; registration: Registration; event: Event }
  /** No valid link: unknown or expired. */
  | { status: 'invalid' };

/** The button on the confirmation page (a POST: a GET never confirms, whatever opens the link). */
export async function confirmRegistration(
  ports: RegistrationPorts,
  command: ByLink,
): Promise<Change<RegistrationConfirmation>> {
  const now = ports.clock.now();
  const found = await ports.registrations.findByTokenHash(command.tokenHash, 'confirm', now);
  if (!found) return change({ status: 'invalid' }, null);
  const event = await lockedEvent(ports, found.eventId);
  const registration = (await ports.registrations.findById(found.id))!;
  // A cancelled (or unpublished) event confirms no one: its "you have a place" email would be untrue.
  if (registration.status === 'cancelled' || !publicEventStatuses.includes(event.status)) {
    return change({ status: 'cancelled', registration, event }, null);
  }
  if (holdExpired(registration, now)) {
    const released = await cancelAndFill(ports, event, registration, 'expired');
    return change({ status: 'expired', registration: released, event }, null);
  }
  const confirmed = confirmRegistrationEmail(registration, ports.clock);
  const changed = confirmed !== registration;
  if (changed) await ports.registrations.update(confirmed);
  if (confirmed.status === 'waitlisted') {
    const position = await ports.registrations.waitlistPosition(confirmed);
    return change({ status: 'waitlisted', registration: confirmed, event, position, now: changed }, null);
  }
  const nowConfirmed = changed && registration.status === 'pending';
  if (nowConfirmed) await ports.emails.registered(confirmed, event);
  return change({ status: 'confirmed', registration: confirmed, event, now: nowConfirmed }, null);
}

export type RegistrationCancellation =
  | { status: 'cancelled'; registration: Registration; event: Event; now: boolean }
  | { status: 'invalid' };

/** The button on the cancel page (a POST): cancels and gives a freed place to the first on the waitlist. */
export async function cancelRegistrationByLink(
  ports: RegistrationPorts,
  command: ByLink,
): Promise<Change<RegistrationCancellation>> {
  const found = await ports.registrations.findByTokenHash(command.tokenHash, 'cancel', ports.clock.now());
  if (!found) return change({ status: 'invalid' }, null);
  const { registration, event, now } = await cancelWith(ports, found.id, 'person');
  return change({ status: 'cancelled', registration, event, now }, null);
}

/** Staff cancel someone's registration (the person is emailed); audited. */
export async function cancelRegistrationByStaff(
  ports: RegistrationPorts,
  command: { registrationId: string },
): Promise<Change<Registration>> {
  const { registration, event } = await cancelWith(ports, command.registrationId, 'staff');
  return change(
    registration,
    staffNote(
      'cancel',
      registration,
      `Cancelled the registration of ${registration.name} for event ${event.id}`,
    ),
  );
}

/** Staff move someone off the waitlist by hand (anyone in line, not only the first), only while a place is free. */
export async function promoteByHand(
  ports: RegistrationPorts,
  command: { registrationId: string },
): Promise<Change<Registration>> {
  const { event, registration } = await lockedRegistration(ports, command.registrationId);
  if (registration.status !== 'waitlisted') {
    throw new DomainError(
      'INVALID_TRANSITION',
      `This registration is ${registration.status}, not on the waitlist`,
    );
  }
  if (!fillsFromWaitlist(event, ports.clock.now())) {
    throw new DomainError(
      'INVALID_TRANSITION',
      'This event gives no more places: it is cancelled, not published, or has started',
    );
  }
  if (placesLeft(event, await ports.registrations.counts(event.id)) === 0) {
    throw new DomainError(
      'INVALID_TRANSITION',
      'No place is free: raise the capacity or cancel a registration first',
    );
  }
  const promoted = await promote(ports, event, registration);
  return change(
    promoted,
    staffNote('promote', promoted, `Moved ${promoted.name} off the waitlist of event ${event.id}`),
  );
}

/** Staff check someone in at the door (a confirmed registration; a second check-in keeps the first time). */
export async function checkIn(
  ports: Pick<RegistrationPorts, 'registrations' | 'clock'>,
  command: { registrationId: string },
): Promise<Change<Registration>> {
  const registration = await ports.registrations.findById(command.registrationId);
  if (!registration) throw new DomainError('NOT_FOUND', 'Registration not found');
  const checked = checkedInRegistration(registration, ports.clock);
  if (checked !== registration) await ports.registrations.update(checked);
  return change(
    checked,
    staffNote('check-in', checked, `Checked in ${checked.name} for event ${checked.eventId}`),
  );
}

/**
 * Gives the event's free places to the waitlist, first come first served, as many as fit (after a capacity raise,
 * a cancellation, expired holds); the promoted, each emailed once.
 */
export async function fillFreedPlaces(
  ports: RegistrationPorts,
  command: { eventId: string },
): Promise<Change<Registration[]>> {
  const event = await lockedEvent(ports, command.eventId);
  return change(await fill(ports, event), null);
}

/**
 * The worker's sweep: pending registrations whose 48-hour hold ran out are cancelled (expired) and their places
 * go to the waitlist. At most `limit` holds per call; how many were released and promoted.
 */
export async function releaseExpiredHolds(
  ports: RegistrationPorts & { sweeps: RegistrationSweeps },
  command: { limit: number },
): Promise<Change<{ released: number; promoted: number }>> {
  const now = ports.clock.now();
  const expired = await ports.sweeps.expiredHolds(now, command.limit);
  let released = 0;
  let promoted = 0;
  for (const eventId of new Set(expired.map((r) => r.eventId))) {
    const event = await lockedEvent(ports, eventId);
    for (const stale of expired.filter((r) => r.eventId === eventId)) {
      const registration = await ports.registrations.findById(stale.id);
      if (!registration || !holdExpired(registration, now)) continue;
      await ports.registrations.update(cancelledRegistration(registration, 'expired', ports.clock));
      released++;
    }
    promoted += (await fill(ports, event)).length;
  }
  return change({ released, promoted }, null);
}

/**
 * The worker's sweep: the reminder for each confirmed registration of an event starting within REMINDER_HOURS,
 * each registrant once (claimReminder). At most `limit` per call; how many were sent.
 */
export async function sendRegistrationReminders(
  ports: Pick<RegistrationPorts, 'registrations' | 'emails' | 'clock'> & { sweeps: RegistrationSweeps },
  command: { limit: number },
): Promise<Change<number>> {
  const now = ports.clock.now();
  const until = new Date(now.getTime() + REMINDER_HOURS * 60 * 60 * 1000);
  const due = await ports.sweeps.dueReminders(now, until, command.limit);
  const events = new Map<string, Event | null>();
  let sent = 0;
  for (const registration of due) {
    if (!events.has(registration.eventId)) {
      events.set(registration.eventId, await ports.registrations.lockEvent(registration.eventId));
    }
    const event = events.get(registration.eventId);
    // Read again under the lock: cancelled or moved since the list was read, it gets no reminder now.
    const stillDue =
      event &&
      publicEventStatuses.includes(event.status) &&
      event.startsAt.getTime() > now.getTime() &&
      event.startsAt.getTime() <= until.getTime();
    if (!stillDue || !(await ports.sweeps.claimReminder(registration.id, now))) continue;
    await ports.emails.reminder({ ...registration, remindedAt: now }, event);
    sent++;
  }
  return change(sent, null);
}

/** The worker's sweep: access needs (and their consent) deleted 30 days after the event ends; how many. */
export async function deleteOldAccessNeeds(
  ports: Pick<RegistrationPorts, 'clock'> & { sweeps: RegistrationSweeps },
  command: { limit: number },
): Promise<Change<number>> {
  return change(
    await ports.sweeps.deleteAccessNeedsEndedBefore(accessNeedsCutoff(ports.clock.now()), command.limit),
    null,
  );
}

async function lockedRegistration(
  ports: Pick<RegistrationPorts, 'registrations'>,
  registrationId: string,
): Promise<{ event: Event; registration: Registration }> {
  const found = await ports.registrations.findById(registrationId);
  if (!found) throw new DomainError('NOT_FOUND', 'Registration not found');
  const event = await lockedEvent(ports, found.eventId);
  // Read again under the lock: another transaction may have changed it while this one waited.
  return { event, registration: (await ports.registrations.findById(registrationId))! };
}

async function cancelWith(
  ports: RegistrationPorts,
  registrationId: string,
  reason: RegistrationCancelReason,
): Promise<{ registration: Registration; event: Event; now: boolean }> {
  const { event, registration } = await lockedRegistration(ports, registrationId);
  if (registration.status === 'cancelled') return { registration, event, now: false };
  const cancelled = await cancelAndFill(ports, event, registration, reason);
  await ports.emails.cancelled(cancelled, event);
  return { registration: cancelled, event, now: true };
}

/** Cancels a live registration (the event locked) and, when it held a place, fills the event's free places. */
async function cancelAndFill(
  ports: RegistrationPorts,
  event: Event,
  registration: Registration,
  reason: RegistrationCancelReason,
): Promise<Registration> {
  const cancelled = cancelledRegistration(registration, reason, ports.clock);
  await ports.registrations.update(cancelled);
  if (holdsPlace(registration)) await fill(ports, event);
  return cancelled;
}

/** The event is locked: promotes from the head of the waitlist while places are free. */
async function fill(ports: RegistrationPorts, event: Event): Promise<Registration[]> {
  if (!fillsFromWaitlist(event, ports.clock.now())) return [];
  const counts = await ports.registrations.counts(event.id);
  const free = placesLeft(event, counts) ?? counts.waitlisted;
  if (free === 0) return [];
  const promoted: Registration[] = [];
  for (const registration of await ports.registrations.waitlist(event.id, free)) {
    promoted.push(await promote(ports, event, registration));
  }
  return promoted;
}

async function promote(
  ports: RegistrationPorts,
  event: Event,
  registration: Registration,
): Promise<Registration> {
  const promoted = promotedRegistration(registration, ports.clock);
  await ports.registrations.update(promoted);
  await ports.emails.offTheWaitlist(promoted, event);
  return promoted;
}

const staffNote = (action: string, registration: Registration, summary: string) => ({
  action: `event.registration.${action}`,
  resourceType: 'event-registration',
  resourceId: registration.id,
  summary,
});
