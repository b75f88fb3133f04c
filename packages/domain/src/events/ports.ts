// What the event rules need from storage; packages/db implements it.
import type { Language } from '../shared/language.js';
import type { Event, Registration } from './schema.js';

export interface EventRepository {
  findById(id: string): Promise<Event | null>;
  findBySlug(language: Language, slug: string): Promise<Event | null>;
  insert(event: Event): Promise<void>;
  update(event: Event): Promise<void>;
}

export interface RegistrationRepository {
  /** All registrations for an event, including cancelled ones. */
  listForEvent(eventId: string): Promise<Registration[]>;
  insert(registration: Registration): Promise<void>;
  update(registration: Registration): Promise<void>;
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
}
