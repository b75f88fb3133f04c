// Events (talks, vigils, screenings) happen at a venue or online, at a time in a named zone, with registration.
// An event is one thing in one or two languages: one time, one capacity, one waitlist; its texts and slug per
// language.
import { z } from 'zod';
import { emailSchema } from '../shared/email.js';
import type { Language } from '../shared/language.js';
import { optionalSlugSchema, slugSchema } from '../shared/slug.js';
import { optionalText, requiredText } from '../shared/text.js';
import { dateInputSchema, timeZoneSchema } from '../shared/time.js';
import { translationsSchema } from '../shared/translations.js';

/** rescheduled: still happening, at a new time (an event readers see, like published). */
export const eventStatuses = ['draft', 'published', 'cancelled', 'rescheduled'] as const;
export const eventStatusSchema = z.enum(eventStatuses);
export type EventStatus = z.infer<typeof eventStatusSchema>;

export const venueSchema = z.object({
  name: requiredText('Venue name', 200),
  address: z.string().trim().max(500, { error: 'Venue address must be 500 characters or fewer' }),
});
export type Venue = z.infer<typeof venueSchema>;

/** An event's texts in one language. The slug is unique per language across events. */
export const eventTextSchema = z.object({
  slug: slugSchema,
  title: z.string().min(1).max(200),
  summary: z.string().max(500),
  body: z.string(),
});
export type EventText = z.infer<typeof eventTextSchema>;

export const eventSchema = z.object({
  id: z.string().min(1),
  startsAt: z.date(),
  endsAt: z.date(),
  /** IANA zone the event is advertised in, e.g. Europe/London. */
  timeZone: z.string().min(1),
  venue: venueSchema.nullable(),
  onlineUrl: z.string().nullable(),
  accessibility: z.string(),
  /** null = unlimited. */
  capacity: z.number().int().min(1).nullable(),
  registrationOpen: z.boolean(),
  status: eventStatusSchema,
  /** The campaign the event belongs to (its page lists the event); null: none. */
  campaignId: z.string().min(1).nullable(),
  translations: translationsSchema(eventTextSchema),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Event = z.infer<typeof eventSchema>;

/** An event as a reader sees it in one language: the event's own fields and that language's texts. */
export type EventInLanguage = Omit<Event, 'translations'> & EventText & { language: Language };

const ONLINE_URL_MESSAGE = 'Online link must be a web address starting with https:// or http://';

/** Empty venue fields (as a form submits them) mean "no venue". */
const venueInputSchema = z
  .object({
    name: z.string({ error: 'Venue name must be text' }).trim().default(''),
    address: z.string({ error: 'Venue address must be text' }).trim().default(''),
  })
  .nullable()
  .default(null)
  .transform((venue) => (venue === null || (venue.name === '' && venue.address === '') ? null : venue))
  .pipe(venueSchema.nullable());

const onlineUrlInputSchema = z
  .string({ error: ONLINE_URL_MESSAGE })
  .trim()
  .nullable()
  .default(null)
  .transform((url) => (url ? url : null))
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: ONLINE_URL_MESSAGE }).nullable());

/** An event's texts in one language as staff submit them. */
export const eventTextInputSchema = z.object({
  /** Optional: generated from the title when absent or empty. */
  slug: optionalSlugSchema,
  title: requiredText('Title', 200),
  summary: optionalText('Summary', 500),
  body: optionalText('Body', 200_000, { trim: false }),
});

/** What staff submit to create or update an event; the status changes through transitionEvent. */
export const eventInputSchema = z
  .object({
    translations: translationsSchema(eventTextInputSchema),
    startsAt: dateInputSchema('Start time'),
    endsAt: dateInputSchema('End time'),
    timeZone: timeZoneSchema,
    venue: venueInputSchema,
    onlineUrl: onlineUrlInputSchema,
    accessibility: optionalText('Accessibility details', 2000),
    capacity: z
      .number({ error: 'Capacity must be a number' })
      .int({ error: 'Capacity must be a whole number' })
      .min(1, { error: 'Capacity must be at least 1, or left empty for no limit' })
      .nullable()
      .default(null),
    registrationOpen: z.boolean().default(true),
  })
  .superRefine((event, ctx) => {
    if (event.endsAt.getTime() <= event.startsAt.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The event must end after it starts' });
    }
    if (event.venue === null && event.onlineUrl === null) {
      ctx.addIssue({ code: 'custom', path: ['venue'], message: 'Give a venue, an online link, or both' });
    }
  });
export type EventInput = z.input<typeof eventInputSchema>;
export type EventInputParsed = z.output<typeof eventInputSchema>;

/** pending exists for the email confirmation the next issues add; today registrations start confirmed or waitlisted. */
export const registrationStatuses = ['pending', 'confirmed', 'waitlisted', 'cancelled'] as const;
export const registrationStatusSchema = z.enum(registrationStatuses);
export type RegistrationStatus = z.infer<typeof registrationStatusSchema>;

export const registrationSchema = z.object({
  id: z.string().min(1),
  eventId: z.string().min(1),
  name: z.string().min(1),
  email: z.string(),
  canonicalEmail: z.string(),
  status: registrationStatusSchema,
  createdAt: z.date(),
  cancelledAt: z.date().nullable(),
});
export type Registration = z.infer<typeof registrationSchema>;

/** What someone submits to register for an event. */
export const registrationInputSchema = z.object({
  name: requiredText('Name', 120),
  email: emailSchema,
});
export type RegistrationInput = z.input<typeof registrationInputSchema>;
export type RegistrationInputParsed = z.output<typeof registrationInputSchema>;
