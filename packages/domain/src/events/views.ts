// What staff read about events and registrations: a row of the events list (its tab), an event as its editor
// opens it, a row of the registrations list (and of its CSV and check-in list), and the counts per status.
// packages/db's query functions fill these; the API declares them as its output.
import { z } from 'zod';
import type { Language } from '../shared/language.js';
import { textIn, translationsSchema } from '../shared/translations.js';
import {
  eventSchema,
  eventStatusSchema,
  registrationSchema,
  registrationStatuses,
  type Event,
} from './schema.js';

/** The events list's tabs: upcoming (not ended, soonest first), past (ended, latest first), drafts. */
export const eventListTabs = ['upcoming', 'past', 'drafts'] as const;
export const eventListTabSchema = z.enum(eventListTabs);
export type EventListTab = z.infer<typeof eventListTabSchema>;

const count = z.number().int().min(0);

/** How many registrations stand in each status (every status has its number, zero included). */
export const registrationStatusCountsSchema = z.object({
  pending: count,
  confirmed: count,
  waitlisted: count,
  cancelled: count,
});
export type RegistrationStatusCounts = z.infer<typeof registrationStatusCountsSchema>;

export function noRegistrationStatusCounts(): RegistrationStatusCounts {
  return Object.fromEntries(registrationStatuses.map((s) => [s, 0])) as RegistrationStatusCounts;
}

/** A row of the admin's events list. */
export const eventListItemSchema = z.object({
  id: z.string().min(1),
  status: eventStatusSchema,
  titles: translationsSchema(z.string()),
  startsAt: z.date(),
  endsAt: z.date(),
  timeZone: z.string().min(1),
  capacity: z.number().int().min(1).nullable(),
  registrationMode: eventSchema.shape.registrationMode,
  counts: registrationStatusCountsSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type EventListItem = z.infer<typeof eventListItemSchema>;

/** An event as its editor opens it, with its registrations counted. */
export const eventDetailSchema = eventSchema.extend({ counts: registrationStatusCountsSchema });
export type EventDetail = z.infer<typeof eventDetailSchema>;

/**
 * One registration as staff see it. `accessNeeds` is health data: filled only for staff with event:access-needs
 * (null otherwise, whether or not the person wrote any). `position`: place on the waitlist (1 = next to be offered
 * a place), in arrival order; null when not waitlisted.
 */
export const registrationListItemSchema = registrationSchema
  .pick({
    id: true,
    eventId: true,
    name: true,
    email: true,
    status: true,
    language: true,
    createdAt: true,
    cancelledAt: true,
    cancelReason: true,
    emailConfirmedAt: true,
    heldUntil: true,
    promotedAt: true,
    checkedInAt: true,
    accessNeeds: true,
  })
  .extend({ position: z.number().int().min(1).nullable() });
export type RegistrationListItem = z.infer<typeof registrationListItemSchema>;

/** The name staff know an event by: its English title, else its title in its other language. */
export function eventTitle(event: Pick<Event, 'translations'>): string {
  const { en, es } = event.translations;
  return (en ?? es)?.title ?? 'Untitled event';
}

/** The event's texts in `language`, or in its first language when it has none in that one (an email's words). */
export function eventTextIn(event: Pick<Event, 'translations'>, language: Language) {
  return textIn(event.translations, language);
}
