// Events (talks, vigils, screenings) happen at a venue or online, at a time in a named zone, with registration.
// An event is one thing in one or two languages: one time, one capacity, one waitlist; its texts and slug per
// language.
import { z } from 'zod';
import { languageSchema, type Language } from '../shared/language.js';
import { oncePerLanguage, personFields } from '../shared/person.js';
import { EVENT_RESERVED_SLUGS } from '../shared/paths.js';
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

/**
 * The accessibility facts an event page states before its form (each a yes; absent means "not stated"), beside
 * the free text for anything else.
 */
export const accessibilityFacts = [
  'step-free',
  'accessible-toilet',
  'hearing-loop',
  'sign-language',
  'captions',
  'quiet-space',
  'seating',
] as const;
export const accessibilityFactSchema = z.enum(accessibilityFacts, { error: 'Unknown accessibility fact' });
export type AccessibilityFact = z.infer<typeof accessibilityFactSchema>;

/** How people register: on this site, elsewhere (registrationUrl), or not at all (just come). */
export const registrationModes = ['here', 'elsewhere', 'none'] as const;
export const registrationModeSchema = z.enum(registrationModes, {
  error: 'Registration must be here, elsewhere or none',
});
export type RegistrationMode = z.infer<typeof registrationModeSchema>;

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
  /** Free text about access, shown with the facts. */
  accessibility: z.string(),
  accessibilityFacts: z.array(accessibilityFactSchema),
  /** null = unlimited. */
  capacity: z.number().int().min(1).nullable(),
  /** Staff's switch: false stops registrations whatever the dates. */
  registrationOpen: z.boolean(),
  registrationMode: registrationModeSchema,
  /** Where to register when registrationMode is 'elsewhere'; null otherwise. */
  registrationUrl: z.string().nullable(),
  /** Registration opens / closes at these instants; null: from publication / until the start. */
  registrationOpensAt: z.date().nullable(),
  registrationClosesAt: z.date().nullable(),
  /** The calendar SEQUENCE (RFC 5545): rises with each change readers see (time, place, status, texts). */
  sequence: z.number().int().min(0),
  /** The start before the last reschedule (schema.org previousStartDate); null when never rescheduled. */
  previousStartsAt: z.date().nullable(),
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
const REGISTRATION_URL_MESSAGE = 'Registration link must be a web address starting with https:// or http://';

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

/** An optional web address (empty means none). */
const optionalWebAddress = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .nullable()
    .default(null)
    .transform((url) => (url ? url : null))
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: message }).nullable());

/** An optional instant (empty means none). */
const optionalInstant = (label: string) =>
  z
    .union([z.date(), z.string(), z.null()], { error: `${label} must be a date` })
    .default(null)
    .transform((value) => (value === '' ? null : value))
    .pipe(dateInputSchema(label).nullable());

/** An event's texts in one language as staff submit them. */
export const eventTextInputSchema = z.object({
  /** Optional: generated from the title when absent or empty. */
  slug: optionalSlugSchema.refine((slug) => !slug || !EVENT_RESERVED_SLUGS.has(slug), {
    error: 'This slug is reserved for the registration pages: choose another',
  }),
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
    onlineUrl: optionalWebAddress(ONLINE_URL_MESSAGE),
    accessibility: optionalText('Accessibility details', 2000),
    accessibilityFacts: z
      .array(accessibilityFactSchema, { error: 'Accessibility facts must be a list' })
      .default([])
      .transform((facts) => accessibilityFacts.filter((fact) => facts.includes(fact))),
    capacity: z
      .number({ error: 'Capacity must be a number' })
      .int({ error: 'Capacity must be a whole number' })
      .min(1, { error: 'Capacity must be at least 1, or left empty for no limit' })
      .nullable()
      .default(null),
    registrationOpen: z.boolean().default(true),
    registrationMode: registrationModeSchema.default('here'),
    registrationUrl: optionalWebAddress(REGISTRATION_URL_MESSAGE),
    registrationOpensAt: optionalInstant('Registration opening'),
    registrationClosesAt: optionalInstant('Registration closing'),
  })
  .superRefine((event, ctx) => {
    if (event.registrationMode === 'elsewhere' && event.registrationUrl === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['registrationUrl'],
        message: 'Give the link where people register, or choose another way to register',
      });
    }
    if (
      event.registrationOpensAt !== null &&
      event.registrationClosesAt !== null &&
      event.registrationClosesAt.getTime() <= event.registrationOpensAt.getTime()
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['registrationClosesAt'],
        message: 'Registration must close after it opens',
      });
    }
    if (event.endsAt.getTime() <= event.startsAt.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The event must end after it starts' });
    }
    if (event.venue === null && event.onlineUrl === null) {
      ctx.addIssue({ code: 'custom', path: ['venue'], message: 'Give a venue, an online link, or both' });
    }
  });
export type EventInput = z.input<typeof eventInputSchema>;
export type EventInputParsed = z.output<typeof eventInputSchema>;

/**
 * pending: holds a place until heldUntil while the email link is not followed; confirmed: holds a place, email
 * confirmed; waitlisted: in line for a place (email confirmed or not, see emailConfirmedAt); cancelled: by the
 * person, by staff, or because a pending hold expired (cancelReason).
 */
export const registrationStatuses = ['pending', 'confirmed', 'waitlisted', 'cancelled'] as const;
export const registrationStatusSchema = z.enum(registrationStatuses);
export type RegistrationStatus = z.infer<typeof registrationStatusSchema>;

/** A consent as recorded with a registration: the words shown, their version, when. */
export const registrationConsentSchema = z.object({
  statement: z.string().min(1),
  version: z.string().min(1),
  givenAt: z.date(),
});
export type RegistrationConsent = z.infer<typeof registrationConsentSchema>;

/** person: from the emailed link; staff: in the admin; expired: a pending hold ran out; event: the event was cancelled. */
export const registrationCancelReasons = ['person', 'staff', 'expired', 'event'] as const;
export const registrationCancelReasonSchema = z.enum(registrationCancelReasons);
export type RegistrationCancelReason = z.infer<typeof registrationCancelReasonSchema>;

export const registrationSchema = z.object({
  id: z.string().min(1),
  eventId: z.string().min(1),
  name: z.string().min(1),
  email: z.string(),
  canonicalEmail: z.string(),
  status: registrationStatusSchema,
  createdAt: z.date(),
  cancelledAt: z.date().nullable(),
  /** The language of the page registered on: the registration's emails are in it. */
  language: languageSchema,
  /** The registration's consent as shown on the form; null for registrations made before consents were kept. */
  consent: registrationConsentSchema.nullable(),
  /** Health data: its own consent, its own permission to read, deleted 30 days after the event. */
  accessNeeds: z.string().nullable(),
  accessNeedsConsent: registrationConsentSchema.nullable(),
  emailConfirmedAt: z.date().nullable(),
  /** Until when a pending registration holds its place; then the place goes to the next person. */
  heldUntil: z.date().nullable(),
  /** When a waitlisted person was given a place. */
  promotedAt: z.date().nullable(),
  /** When the reminder (24 hours before) was sent. */
  remindedAt: z.date().nullable(),
  /** Emails sent for this registration (bounded, like a signature's). */
  emailsSent: z.number().int().min(0),
  cancelReason: registrationCancelReasonSchema.nullable(),
  checkedInAt: z.date().nullable(),
});
export type Registration = z.infer<typeof registrationSchema>;

/** What someone submits to register for an event. */
/** The registration form's own messages in each language (name and email: personFields). */
const registrationMessages = {
  en: {
    accessNeedsLong: 'Your access needs must be 1000 characters or fewer',
    consentRequired: 'Tick the box to agree to us keeping your registration',
    accessNeedsConsentRequired:
      'Tick the box to agree to us keeping your access needs, or leave the access needs empty',
  },
  es: {
    accessNeedsLong: 'Tus necesidades de accesibilidad deben tener 1000 caracteres como máximo',
    consentRequired: 'Marca la casilla para aceptar que guardemos tu inscripción',
    accessNeedsConsentRequired:
      'Marca la casilla para aceptar que guardemos tus necesidades de accesibilidad, o deja ese campo vacío',
  },
} as const satisfies Record<Language, Record<string, string>>;

function buildRegistrationInputSchema(language: Language) {
  const m = registrationMessages[language];
  return z
    .object({
      ...personFields(language),
      /** Optional, and health data: kept only with its own consent (accessNeedsConsent). */
      accessNeeds: z
        .string({ error: m.accessNeedsLong })
        .trim()
        .max(1000, { error: m.accessNeedsLong })
        .nullable()
        .optional()
        .transform((value) => (value ? value : null)),
      consent: z.literal(true, { error: m.consentRequired }),
      accessNeedsConsent: z.boolean().default(false),
    })
    .superRefine((input, ctx) => {
      if (input.accessNeeds !== null && !input.accessNeedsConsent) {
        ctx.addIssue({ code: 'custom', path: ['accessNeedsConsent'], message: m.accessNeedsConsentRequired });
      }
    })
    .transform((input) => ({
      ...input,
      accessNeedsConsent: input.accessNeeds !== null && input.accessNeedsConsent,
    }));
}

/**
 * What a reader submits to register for an event, with its errors in `language`: name, email, the registration's
 * consent (required), optional access needs with their own consent (required only when access needs are given).
 */
export const registrationInputSchemaFor = oncePerLanguage(buildRegistrationInputSchema);

/** What a reader submits to register (errors in English). */
export const registrationInputSchema = registrationInputSchemaFor('en');
export type RegistrationInput = z.input<typeof registrationInputSchema>;
export type RegistrationInputParsed = z.output<typeof registrationInputSchema>;

/**
 * What the admin's event editor submits: the event's fields and the campaign it belongs to (empty: none). The
 * status changes through the editor's own actions (publish, cancel, reschedule), never through a save.
 */
export const eventEditSchema = eventInputSchema.safeExtend({
  campaignId: z
    .string({ error: 'Related campaign must be a campaign' })
    .trim()
    .max(100, { error: 'Related campaign must be a campaign' })
    .nullable()
    .default(null)
    .transform((id) => (id ? id : null)),
});
export type EventEditInput = z.input<typeof eventEditSchema>;
export type EventEdit = z.output<typeof eventEditSchema>;
