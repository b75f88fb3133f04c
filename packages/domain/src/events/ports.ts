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
