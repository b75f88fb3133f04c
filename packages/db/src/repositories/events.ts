// Events — one row each, with their texts and slugs per language — and their registrations.
import {
  accessibilityFacts,
  eventPageStatuses,
  languagesOf,
  publicEventStatuses,
  type Event,
  type EventInLanguage,
  type EventText,
  type Language,
  type AccessibilityFact,
  type Registration,
  type RegistrationConsent,
  type RegistrationMode,
  type Translations,
} from '@ayni/domain';
import type { Kysely, Selectable } from 'kysely';
import { conflictOnDuplicate } from '../errors.js';
import { fromFlag, iso, isoOrNull, toDate, toDateOrNull, toFlag } from '../mappers.js';
import type { Database, EventRegistrationsTable, EventTranslationsTable, EventsTable } from '../schema.js';
import { withTransaction } from '../transaction.js';

type Db = Kysely<Database>;

const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', es: 'Spanish' };

/** The stored JSON list of fact keys, keeping only keys the domain knows (in the domain's order). */
function parseFacts(json: string): AccessibilityFact[] {
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    return [];
  }
  return Array.isArray(stored) ? accessibilityFacts.filter((fact) => stored.includes(fact)) : [];
}

/** An event's columns other than its id, status and times of creation (what an edit writes). */
export function eventColumns(e: Event) {
  return {
    starts_at: iso(e.startsAt),
    ends_at: iso(e.endsAt),
    time_zone: e.timeZone,
    venue_name: e.venue?.name ?? null,
    venue_address: e.venue?.address ?? null,
    online_url: e.onlineUrl,
    accessibility: e.accessibility,
    accessibility_facts: JSON.stringify(e.accessibilityFacts),
    capacity: e.capacity,
    registration_open: toFlag(e.registrationOpen),
    registration_mode: e.registrationMode,
    registration_url: e.registrationUrl,
    registration_opens_at: isoOrNull(e.registrationOpensAt),
    registration_closes_at: isoOrNull(e.registrationClosesAt),
    sequence: e.sequence,
    previous_starts_at: isoOrNull(e.previousStartsAt),
    campaign_id: e.campaignId,
    updated_at: iso(e.updatedAt),
  };
}

function eventFields(r: Selectable<EventsTable>): Omit<Event, 'translations'> {
  return {
    id: r.id,
    startsAt: toDate(r.starts_at),
    endsAt: toDate(r.ends_at),
    timeZone: r.time_zone,
    venue: r.venue_name !== null ? { name: r.venue_name, address: r.venue_address ?? '' } : null,
    onlineUrl: r.online_url,
    accessibility: r.accessibility,
    accessibilityFacts: parseFacts(r.accessibility_facts),
    capacity: r.capacity,
    registrationOpen: fromFlag(r.registration_open),
    registrationMode: r.registration_mode as RegistrationMode,
    registrationUrl: r.registration_url,
    registrationOpensAt: toDateOrNull(r.registration_opens_at),
    registrationClosesAt: toDateOrNull(r.registration_closes_at),
    sequence: r.sequence,
    previousStartsAt: toDateOrNull(r.previous_starts_at),
    status: r.status as Event['status'],
    campaignId: r.campaign_id,
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
  };
}

function toText(
  t: Pick<Selectable<EventTranslationsTable>, 'slug' | 'title' | 'summary' | 'body'>,
): EventText {
  return { slug: t.slug, title: t.title, summary: t.summary, body: t.body };
}

async function toEvent(db: Db, row: Selectable<EventsTable>): Promise<Event> {
  const texts = await db
    .selectFrom('event_translations')
    .selectAll()
    .where('event_id', '=', row.id)
    .execute();
  const translations: Translations<EventText> = {};
  for (const t of texts) translations[t.language as Language] = toText(t);
  return { ...eventFields(row), translations };
}

/** Writes the event's texts (none stored yet); a slug another event has in that language is CONFLICT on `slug`. */
export async function insertEventTexts(db: Db, e: Event): Promise<void> {
  for (const language of languagesOf(e.translations)) {
    const text = e.translations[language]!;
    await conflictOnDuplicate(
      () =>
        db
          .insertInto('event_translations')
          .values({ event_id: e.id, language, ...text })
          .execute(),
      {
        message: `Another event already uses the slug "${text.slug}" in ${LANGUAGE_NAMES[language]}`,
        field: 'slug',
      },
    );
  }
}

/** Inserts an event with its texts; a slug another event has in that language is CONFLICT on `slug`. */
export async function insertEvent(db: Db, e: Event): Promise<Event> {
  await withTransaction(db, async (trx) => {
    await trx
      .insertInto('events')
      .values({ id: e.id, status: e.status, created_at: iso(e.createdAt), ...eventColumns(e) })
      .execute();
    await insertEventTexts(trx, e);
  });
  return e;
}

export async function findEventById(db: Db, id: string): Promise<Event | null> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toEvent(db, row) : null;
}

/** The event whose text in `language` has `slug` (with all its languages). */
export async function findEventBySlug(db: Db, language: Language, slug: string): Promise<Event | null> {
  const row = await db
    .selectFrom('events')
    .selectAll('events')
    .innerJoin('event_translations as t', 't.event_id', 'events.id')
    .where('t.language', '=', language)
    .where('t.slug', '=', slug)
    .executeTakeFirst();
  return row ? toEvent(db, row) : null;
}

/** A registration's columns other than its id, event and creation time (what a change writes). */
export function registrationColumns(r: Registration) {
  return {
    name: r.name,
    email: r.email,
    canonical_email: r.canonicalEmail,
    status: r.status,
    cancelled_at: isoOrNull(r.cancelledAt),
    language: r.language,
    consent_statement: r.consent?.statement ?? null,
    consent_version: r.consent?.version ?? null,
    consent_given_at: isoOrNull(r.consent?.givenAt),
    access_needs: r.accessNeeds,
    access_needs_consent_statement: r.accessNeedsConsent?.statement ?? null,
    access_needs_consent_version: r.accessNeedsConsent?.version ?? null,
    access_needs_consent_given_at: isoOrNull(r.accessNeedsConsent?.givenAt),
    email_confirmed_at: isoOrNull(r.emailConfirmedAt),
    held_until: isoOrNull(r.heldUntil),
    promoted_at: isoOrNull(r.promotedAt),
    reminded_at: isoOrNull(r.remindedAt),
    emails_sent: r.emailsSent,
    cancel_reason: r.cancelReason,
    checked_in_at: isoOrNull(r.checkedInAt),
  };
}

function consentOf(
  statement: string | null,
  version: string | null,
  givenAt: Date | string | null,
): RegistrationConsent | null {
  return statement !== null && version !== null && givenAt !== null
    ? { statement, version, givenAt: toDate(givenAt) }
    : null;
}

export function toRegistration(r: Selectable<EventRegistrationsTable>): Registration {
  return {
    id: r.id,
    eventId: r.event_id,
    name: r.name,
    email: r.email,
    canonicalEmail: r.canonical_email,
    status: r.status as Registration['status'],
    createdAt: toDate(r.created_at),
    cancelledAt: toDateOrNull(r.cancelled_at),
    language: r.language as Language,
    consent: consentOf(r.consent_statement, r.consent_version, r.consent_given_at),
    accessNeeds: r.access_needs,
    accessNeedsConsent: consentOf(
      r.access_needs_consent_statement,
      r.access_needs_consent_version,
      r.access_needs_consent_given_at,
    ),
    emailConfirmedAt: toDateOrNull(r.email_confirmed_at),
    heldUntil: toDateOrNull(r.held_until),
    promotedAt: toDateOrNull(r.promoted_at),
    remindedAt: toDateOrNull(r.reminded_at),
    emailsSent: r.emails_sent,
    cancelReason: r.cancel_reason as Registration['cancelReason'],
    checkedInAt: toDateOrNull(r.checked_in_at),
  };
}

export async function insertRegistration(db: Db, r: Registration): Promise<Registration> {
  await db
    .insertInto('event_registrations')
    .values({ id: r.id, event_id: r.eventId, created_at: iso(r.createdAt), ...registrationColumns(r) })
    .execute();
  return r;
}

/** An event's registrations, cancelled ones included, in arrival order. */
export async function listRegistrationsForEvent(db: Db, eventId: string): Promise<Registration[]> {
  const rows = await db
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toRegistration);
}

/** Events in `language` (inner join on its texts) in the given statuses. */
function eventsIn(db: Db, language: Language, statuses: readonly Event['status'][]) {
  return db
    .selectFrom('events')
    .innerJoin('event_translations as t', 't.event_id', 'events.id')
    .where('t.language', '=', language)
    .where('events.status', 'in', statuses);
}

/**
 * Events readers can see (published or rescheduled) that have not ended at `now`, soonest first, in `language`:
 * an event not written in that language is not listed. With `campaignId`, only that campaign's events; with
 * `includeCancelled`, cancelled ones too (the events page and the calendar feed say they are off).
 */
export async function listUpcomingEvents(
  db: Db,
  language: Language,
  now: Date,
  limit = 10,
  options: { campaignId?: string; includeCancelled?: boolean } = {},
): Promise<EventInLanguage[]> {
  let query = eventsIn(db, language, options.includeCancelled ? eventPageStatuses : publicEventStatuses);
  if (options.campaignId !== undefined) query = query.where('events.campaign_id', '=', options.campaignId);
  const rows = await query
    .selectAll('events')
    .select(['t.slug', 't.title', 't.summary', 't.body'])
    .where('events.ends_at', '>=', iso(now))
    .orderBy('events.starts_at')
    .orderBy('events.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...eventFields(r), ...toText(r), language }));
}

/** Events readers saw (published or rescheduled) that ended before `now`, in `language`, the latest first. */
export async function listPastEvents(
  db: Db,
  language: Language,
  now: Date,
  options: { limit: number; offset?: number },
): Promise<EventInLanguage[]> {
  const rows = await eventsIn(db, language, publicEventStatuses)
    .selectAll('events')
    .select(['t.slug', 't.title', 't.summary', 't.body'])
    .where('events.ends_at', '<', iso(now))
    .orderBy('events.starts_at', 'desc')
    .orderBy('events.id', 'desc')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
  return rows.map((r) => ({ ...eventFields(r), ...toText(r), language }));
}

/** How many events listPastEvents has to page through. */
export async function countPastEvents(db: Db, language: Language, now: Date): Promise<number> {
  const row = await eventsIn(db, language, publicEventStatuses)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('events.ends_at', '<', iso(now))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The first moment at or after `now` when a public page changes by the clock alone: an event with a page starts,
 * ends (and leaves the upcoming lists), or opens or closes its registration. null when none is ahead. The site keys
 * its cached pages on it (apps/web/app/cache.server.ts), so a page never outlives such a moment.
 */
export async function nextEventChange(db: Db, now: Date): Promise<Date | null> {
  const at = iso(now);
  const columns = ['starts_at', 'ends_at', 'registration_opens_at', 'registration_closes_at'] as const;
  const firsts = await Promise.all(
    columns.map((column) =>
      db
        .selectFrom('events')
        .select((eb) => eb.fn.min(column).as('first'))
        .where('status', 'in', eventPageStatuses)
        .where(column, '>=', at)
        .executeTakeFirst(),
    ),
  );
  const times = firsts
    .map((row) => toDateOrNull(row?.first ?? null))
    .filter((t): t is Date => t !== null)
    .map((t) => t.getTime());
  return times.length === 0 ? null : new Date(Math.min(...times));
}

/** Every event with a public page (any language), for the sitemap. */
export async function listEventsWithPages(db: Db): Promise<Event[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('status', 'in', eventPageStatuses)
    .orderBy('starts_at', 'desc')
    .orderBy('id')
    .execute();
  return Promise.all(rows.map((row) => toEvent(db, row)));
}

export async function countEvents(db: Db, now: Date): Promise<{ upcoming: number; past: number }> {
  const count = (ended: boolean) =>
    db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', publicEventStatuses)
      .where('ends_at', ended ? '<' : '>=', iso(now))
      .executeTakeFirstOrThrow();
  const [upcoming, past] = await Promise.all([count(false), count(true)]);
  return { upcoming: Number(upcoming.n), past: Number(past.n) };
}
