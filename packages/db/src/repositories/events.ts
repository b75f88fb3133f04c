// Events and their registrations.
import type { Event, Language, Registration } from '@ayni/domain';
import type { Kysely, Selectable } from 'kysely';
import { fromFlag, iso, isoOrNull, toDate, toFlag } from '../mappers.js';
import type { Database, EventsTable } from '../schema.js';

type Db = Kysely<Database>;

function toEvent(r: Selectable<EventsTable>): Event {
  return {
    id: r.id,
    slug: r.slug,
    language: r.language as Language,
    title: r.title,
    summary: r.summary,
    body: r.body,
    startsAt: toDate(r.starts_at),
    endsAt: toDate(r.ends_at),
    timeZone: r.time_zone,
    venue: r.venue_name !== null ? { name: r.venue_name, address: r.venue_address ?? '' } : null,
    onlineUrl: r.online_url,
    accessibility: r.accessibility,
    capacity: r.capacity,
    registrationOpen: fromFlag(r.registration_open),
    status: r.status as Event['status'],
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
  };
}

export async function insertEvent(db: Db, e: Event): Promise<Event> {
  await db
    .insertInto('events')
    .values({
      id: e.id,
      slug: e.slug,
      language: e.language,
      title: e.title,
      summary: e.summary,
      body: e.body,
      starts_at: iso(e.startsAt),
      ends_at: iso(e.endsAt),
      time_zone: e.timeZone,
      venue_name: e.venue?.name ?? null,
      venue_address: e.venue?.address ?? null,
      online_url: e.onlineUrl,
      accessibility: e.accessibility,
      capacity: e.capacity,
      registration_open: toFlag(e.registrationOpen),
      status: e.status,
      created_at: iso(e.createdAt),
      updated_at: iso(e.updatedAt),
    })
    .execute();
  return e;
}

export async function insertRegistration(db: Db, r: Registration): Promise<Registration> {
  await db
    .insertInto('event_registrations')
    .values({
      id: r.id,
      event_id: r.eventId,
      name: r.name,
      email: r.email,
      canonical_email: r.canonicalEmail,
      status: r.status,
      created_at: iso(r.createdAt),
      cancelled_at: isoOrNull(r.cancelledAt),
    })
    .execute();
  return r;
}

/** Published events that have not ended at `now`, soonest first. */
export async function listUpcomingEvents(db: Db, now: Date, limit = 10): Promise<Event[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('status', '=', 'published')
    .where('ends_at', '>=', iso(now))
    .orderBy('starts_at')
    .limit(limit)
    .execute();
  return rows.map(toEvent);
}

export async function countEvents(db: Db, now: Date): Promise<{ upcoming: number; past: number }> {
  const count = (ended: boolean) =>
    db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'published')
      .where('ends_at', ended ? '<' : '>=', iso(now))
      .executeTakeFirstOrThrow();
  const [upcoming, past] = await Promise.all([count(false), count(true)]);
  return { upcoming: Number(upcoming.n), past: Number(past.n) };
}
