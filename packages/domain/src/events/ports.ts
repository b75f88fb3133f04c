// What the event rules need from storage and from the mail queue; packages/db (and the apps wiring the queue)
// implement it.
import type { Language } from '../shared/language.js';
import type { RegistrationCounts } from './rules.js';
import type { Event, Registration } from './schema.js';

export interface EventRepository {
  findById(id: string): Promise<Event | null>;
  findBySlug(language: Language, slug: string): Promise<Event | null>;
  insert(event: Event): Promise<void>;
  update(event: Event): Promise<void>;
}

export type RegistrationTokenPurpose = 'confirm' | 'cancel';

export interface RegistrationRepository {
  /**
   * The event, its row locked until the transaction ends (SELECT … FOR UPDATE on PostgreSQL; SQLite's single
   * writer already serialises), so counting places and giving them out happen one registration at a time.
   */
  lockEvent(eventId: string): Promise<Event | null>;
  findById(id: string): Promise<Registration | null>;
  /** The person's live (not cancelled) registration for the event (same canonical email), if any. */
  findLive(eventId: string, canonicalEmail: string): Promise<Registration | null>;
  /** Inserts unless the person already has a live registration (the unique index decides); whether it did. */
  insertIfNew(registration: Registration): Promise<boolean>;
  /** Saves what can change (status, hold, confirmation, promotion, reminder, cancellation, check-in, access needs). */
  update(registration: Registration): Promise<void>;
  /** Counts one more email if it has had fewer than `max`, in one statement; whether it did. */
  claimEmail(registrationId: string, max: number): Promise<boolean>;
  /** The registration whose emailed link for `purpose` carried the token with this hash, while the link is valid. */
  findByTokenHash(
    tokenHash: string,
    purpose: RegistrationTokenPurpose,
    now: Date,
  ): Promise<Registration | null>;
  counts(eventId: string): Promise<RegistrationCounts>;
  /** When the event's latest registration arrived (cancelled ones too), or null when it has none. */
  lastArrival(eventId: string): Promise<Date | null>;
  /** The first `limit` on the event's waitlist, in arrival order (created, then id). */
  waitlist(eventId: string, limit: number): Promise<Registration[]>;
  /** A waitlisted registration's place in line, from 1. */
  waitlistPosition(registration: Registration): Promise<number>;
}

/** What the worker's registration sweeps need besides RegistrationRepository. */
export interface RegistrationSweeps {
  /** Pending registrations whose hold ran out before `now`, at most `limit`, the oldest hold first. */
  expiredHolds(now: Date, limit: number): Promise<Registration[]>;
  /**
   * Confirmed registrations not yet reminded, of events readers see that start after `now` and by `until`, at most
   * `limit`.
   */
  dueReminders(now: Date, until: Date, limit: number): Promise<Registration[]>;
  /** Marks the reminder sent if it had not been, in one statement (two sweeps remind once); whether it did. */
  claimReminder(registrationId: string, at: Date): Promise<boolean>;
  /** Deletes the access needs (and their consent) of registrations for events that ended before `cutoff`; how many. */
  deleteAccessNeedsEndedBefore(cutoff: Date, limit: number): Promise<number>;
}

/**
 * A registrant's emails, queued on the transaction (sent only if it commits), in the registration's language; the
 * confirm and cancel links are minted when each is sent, never stored.
 */
export interface RegistrationEmails {
  /** "Confirm your registration": pending (holding a place) or waitlisted (with the position in line). */
  confirmYourRegistration(registration: Registration, event: Event, position: number | null): Promise<void>;
  /** "You are registered": the event's .ics attached, the online link, the cancel link. */
  registered(registration: Registration, event: Event): Promise<void>;
  /** "You are off the waitlist": registered (email confirmed before) or holding a place until confirmed. */
  offTheWaitlist(registration: Registration, event: Event): Promise<void>;
  /** "Your registration is cancelled". */
  cancelled(registration: Registration, event: Event): Promise<void>;
  /** The reminder the day before: the online link, the cancel link. */
  reminder(registration: Registration, event: Event): Promise<void>;
}

/** What the admin's event editor reads and writes (packages/db's eventEditingRepository). */
export interface EventEditingRepository {
  findById(id: string): Promise<Event | null>;
  /** The slugs in `language` equal to `base` or starting `base-` (to pick a free one). */
  slugsLike(language: Language, base: string): Promise<Set<string>>;
  /** A typed slug another event has in that language is CONFLICT on `slug`. */
  insert(event: Event): Promise<void>;
  /** Saves only if the stored updatedAt is still `expectedUpdatedAt` (else STALE_VERSION). */
  update(event: Event, expectedUpdatedAt: Date): Promise<void>;
  campaignExists(id: string): Promise<boolean>;
}

/** What staff cancelling or rescheduling an event is told to everyone registered: a fan-out, on the transaction. */
export type EventChangeKind = 'cancelled' | 'rescheduled';
export interface EventAnnouncements {
  changed(event: Event, kind: EventChangeKind): Promise<void>;
}

/** Gives the places a larger capacity frees to the waitlist, in order (the registration service does it). */
export interface EventPlaces {
  fillFreedPlaces(event: Event): Promise<number>;
  /**
   * The event moved: its registrations get a reminder again before the new date, and the links already emailed
   * work until its new end.
   */
  followMove(event: Event): Promise<void>;
}
