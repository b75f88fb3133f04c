// What the admin's events pages read and write beyond what the site reads: the save that is refused when someone
// saved since (by updatedAt), the events list by tab (keyset pages, counts per status), an event as its editor
// opens it, the registrations list (status, search, waitlist positions in arrival order; access needs only when
// asked for), the counts per status, and the record of who was emailed about an event's change (each person once).
import {
  DomainError,
  noRegistrationStatusCounts,
  registrationStatuses,
  staleVersion,
  type Event,
  type EventDetail,
  type EventEditingRepository,
  type EventListItem,
  type EventListTab,
  type Language,
  type Registration,
  type RegistrationStatusCounts,
  type RegistrationListItem,
} from '@ayni/domain';
import type { Kysely } from 'kysely';
import { beyond } from '../keyset.js';
import { iso, toDate } from '../mappers.js';
import type { Database } from '../schema.js';
import { nameOrEmailContains } from '../search.js';
import { withTransaction } from '../transaction.js';
import { listWaitlist } from './event-registrations.js';
import { eventColumns, findEventById, insertEvent, insertEventTexts, toRegistration } from './events.js';

type Db = Kysely<Database>;

/**
 * Saves the event only if its stored updatedAt is still `expectedUpdatedAt`: the first statement claims the row (a
 * second save made on the same copy finds it moved on, and is STALE_VERSION), then the rest is written.
 */
export async function updateEventIfUnchanged(db: Db, e: Event, expectedUpdatedAt: Date): Promise<void> {
  await withTransaction(db, async (trx) => {
    const claimed = await trx
      .updateTable('events')
      .set({ ...eventColumns(e), status: e.status })
      .where('id', '=', e.id)
      .where('updated_at', '=', iso(expectedUpdatedAt))
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) {
      const exists = await trx.selectFrom('events').select('id').where('id', '=', e.id).executeTakeFirst();
      throw exists ? staleVersion('event') : new DomainError('NOT_FOUND', 'Event not found');
    }
    await trx.deleteFrom('event_translations').where('event_id', '=', e.id).execute();
    await insertEventTexts(trx, e);
  });
}

async function eventSlugsLike(db: Db, language: Language, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('event_translations')
    .select('slug')
    .where('language', '=', language)
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return new Set(rows.map((r) => r.slug));
}

/** The domain's EventEditingRepository port on `db` (a transaction, in a unit of work). */
export function eventEditingRepository(db: Db): EventEditingRepository {
  return {
    findById: (id) => findEventById(db, id),
    slugsLike: (language, base) => eventSlugsLike(db, language, base),
    insert: async (e) => void (await insertEvent(db, e)),
    update: (e, expected) => updateEventIfUnchanged(db, e, expected),
    async campaignExists(id) {
      return (
        (await db.selectFrom('campaigns').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
      );
    },
  };
}

/** Registrations per status for the events asked about (every status has its number). */
async function countsFor(db: Db, ids: readonly string[]): Promise<Map<string, RegistrationStatusCounts>> {
  const counts = new Map(ids.map((id) => [id, noRegistrationStatusCounts()]));
  if (ids.length === 0) return counts;
  const rows = await db
    .selectFrom('event_registrations')
    .select(['event_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('event_id', 'in', [...ids])
    .groupBy(['event_id', 'status'])
    .execute();
  for (const r of rows) {
    if ((registrationStatuses as readonly string[]).includes(r.status)) {
      counts.get(r.event_id)![r.status as Registration['status']] = Number(r.n);
    }
  }
  return counts;
}

/** How many of the event's registrations stand in each status. */
export async function countRegistrationsByStatus(db: Db, eventId: string): Promise<RegistrationStatusCounts> {
  return (await countsFor(db, [eventId])).get(eventId)!;
}

/** How a tab orders its events: upcoming soonest first, past latest first, drafts by their date. */
const TAB_ORDER: Readonly<Record<EventListTab, 'asc' | 'desc'>> = {
  upcoming: 'asc',
  past: 'desc',
  drafts: 'asc',
};

/**
 * Events for staff in one tab, `limit` at a time (keyset on starts_at, id, in the tab's order): upcoming (not a
 * draft, not ended at `now`), past (not a draft, ended), drafts. Cancelled events are listed with the others.
 */
export async function listStaffEvents(
  db: Db,
  f: { tab: EventListTab; now: Date; limit: number; after?: { at: Date; id: string } },
): Promise<EventListItem[]> {
  const order = TAB_ORDER[f.tab];
  let q = db.selectFrom('events').selectAll();
  if (f.tab === 'drafts') q = q.where('status', '=', 'draft');
  else q = q.where('status', '<>', 'draft').where('ends_at', f.tab === 'past' ? '<' : '>=', iso(f.now));
  if (f.after) q = q.where(beyond(f.after, { at: 'starts_at', id: 'id' }, order));
  const rows = await q.orderBy('starts_at', order).orderBy('id', order).limit(f.limit).execute();
  const ids = rows.map((r) => r.id);
  const [counts, texts] = await Promise.all([
    countsFor(db, ids),
    ids.length
      ? db
          .selectFrom('event_translations')
          .select(['event_id', 'language', 'title'])
          .where('event_id', 'in', ids)
          .execute()
      : Promise.resolve([]),
  ]);
  return rows.map((r) => {
    const titles: EventListItem['titles'] = {};
    for (const t of texts) if (t.event_id === r.id) titles[t.language as Language] = t.title;
    return {
      id: r.id,
      status: r.status as Event['status'],
      titles,
      startsAt: toDate(r.starts_at),
      endsAt: toDate(r.ends_at),
      timeZone: r.time_zone,
      capacity: r.capacity,
      registrationMode: r.registration_mode as Event['registrationMode'],
      counts: counts.get(r.id)!,
      createdAt: toDate(r.created_at),
      updatedAt: toDate(r.updated_at),
    };
  });
}

/** An event as its editor opens it, with its registrations counted. */
export async function findEventDetail(db: Db, id: string): Promise<EventDetail | null> {
  const event = await findEventById(db, id);
  if (!event) return null;
  return { ...event, counts: await countRegistrationsByStatus(db, id) };
}

export interface StaffRegistrationFilter {
  eventId: string;
  status?: Registration['status'];
  /** Part of the person's name or email, any case. */
  search?: string;
  /** Fill in the access needs (health data): only for staff with event:access-needs. */
  withAccessNeeds: boolean;
}

/** Each waitlisted registration's place in line (1 = next offered a place), in the waitlist's own order. */
async function waitlistPositions(db: Db, eventId: string): Promise<Map<string, number>> {
  const line = await listWaitlist(db, eventId, Number.MAX_SAFE_INTEGER);
  return new Map(line.map((r, i) => [r.id, i + 1]));
}

/**
 * An event's registrations for staff, in arrival order, `limit` at a time after `after` (the createdAt/id of the
 * previous page's last row), filtered by status and search, waitlisted ones with their position in line.
 */
export async function listStaffRegistrations(
  db: Db,
  f: StaffRegistrationFilter & { limit: number; after?: { at: Date; id: string } },
): Promise<RegistrationListItem[]> {
  let q = db.selectFrom('event_registrations as r').selectAll('r').where('r.event_id', '=', f.eventId);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.search?.trim()) q = q.where(nameOrEmailContains('r', f.search));
  if (f.after) q = q.where(beyond(f.after, { at: 'r.created_at', id: 'r.id' }, 'asc'));
  const rows = await q.orderBy('r.created_at').orderBy('r.id').limit(f.limit).execute();
  const positions = rows.some((r) => r.status === 'waitlisted')
    ? await waitlistPositions(db, f.eventId)
    : new Map<string, number>();
  return rows.map((row) => {
    const r = toRegistration(row);
    return {
      id: r.id,
      eventId: r.eventId,
      name: r.name,
      email: r.email,
      status: r.status,
      language: r.language,
      createdAt: r.createdAt,
      cancelledAt: r.cancelledAt,
      cancelReason: r.cancelReason,
      emailConfirmedAt: r.emailConfirmedAt,
      heldUntil: r.heldUntil,
      promotedAt: r.promotedAt,
      checkedInAt: r.checkedInAt,
      accessNeeds: f.withAccessNeeds ? r.accessNeeds : null,
      position: positions.get(r.id) ?? null,
    };
  });
}

export interface EventChangeRecipient {
  registrationId: string;
  name: string;
  email: string;
  language: Language;
}

/** The next `limit` people registered for the event (pending, confirmed or waitlisted) after `afterId`, by id. */
export async function listEventChangeRecipients(
  db: Db,
  eventId: string,
  afterId: string | null,
  limit: number,
): Promise<EventChangeRecipient[]> {
  let q = db
    .selectFrom('event_registrations')
    .select(['id', 'name', 'email', 'language'])
    .where('event_id', '=', eventId)
    .where('status', 'in', ['pending', 'confirmed', 'waitlisted']);
  if (afterId !== null) q = q.where('id', '>', afterId);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    registrationId: r.id,
    name: r.name,
    email: r.email,
    language: r.language === 'es' ? 'es' : 'en',
  }));
}

/**
 * Records that the person is emailed about the event's change `sequence`, unless they were already (insert … on
 * conflict do nothing); whether it did. Queue the email in the same transaction, and only when this says true.
 */
export async function recordEventChangeEmail(
  db: Db,
  registrationId: string,
  sequence: number,
  at: Date,
): Promise<boolean> {
  const result = await db
    .insertInto('event_change_emails')
    .values({ registration_id: registrationId, sequence, created_at: iso(at) })
    .onConflict((oc) => oc.columns(['registration_id', 'sequence']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
