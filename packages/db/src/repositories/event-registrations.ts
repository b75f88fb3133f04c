// Registering for events: the domain's RegistrationRepository and RegistrationSweeps on a connection or a
// transaction (registrationRepositories), and the hashes of the tokens in the registrations' emailed links.
// Locking: lockEvent takes the event's row with SELECT … FOR UPDATE on PostgreSQL; SQLite's transactions begin
// immediate (connection.ts), so its one writer already serialises them.
import {
  publicEventStatuses,
  type Event,
  type Registration,
  type RegistrationCounts,
  type RegistrationRepository,
  type RegistrationSweeps,
  type RegistrationTokenPurpose,
} from '@ayni/domain';
import { PostgresAdapter, type Kysely } from 'kysely';
import { iso, toDate } from '../mappers.js';
import type { Database } from '../schema.js';
import { findEventById, registrationColumns, toRegistration } from './events.js';

type Db = Kysely<Database>;

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The event with its row locked until the transaction ends (see above). */
export async function lockEvent(db: Db, eventId: string): Promise<Event | null> {
  if (isPostgres(db)) {
    const row = await db
      .selectFrom('events')
      .select('id')
      .where('id', '=', eventId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return null;
  }
  return findEventById(db, eventId);
}

export async function findRegistrationById(db: Db, id: string): Promise<Registration | null> {
  const row = await db.selectFrom('event_registrations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRegistration(row) : null;
}

export async function findLiveRegistration(
  db: Db,
  eventId: string,
  canonicalEmail: string,
): Promise<Registration | null> {
  const row = await db
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('canonical_email', '=', canonicalEmail)
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
  return row ? toRegistration(row) : null;
}

/** Inserts unless the person has a live registration for the event (`on conflict do nothing`); whether it did. */
export async function insertRegistrationIfNew(db: Db, r: Registration): Promise<boolean> {
  const result = await db
    .insertInto('event_registrations')
    .values({ id: r.id, event_id: r.eventId, created_at: iso(r.createdAt), ...registrationColumns(r) })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Saves a registration's changes; emails_sent is left to claimRegistrationEmail. */
export async function updateRegistration(db: Db, r: Registration): Promise<void> {
  const { emails_sent: _emailsSent, ...columns } = registrationColumns(r);
  await db.updateTable('event_registrations').set(columns).where('id', '=', r.id).execute();
}

export async function claimRegistrationEmail(db: Db, registrationId: string, max: number): Promise<boolean> {
  const result = await db
    .updateTable('event_registrations')
    .set((eb) => ({ emails_sent: eb('emails_sent', '+', 1) }))
    .where('id', '=', registrationId)
    .where('emails_sent', '<', max)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Keeps the hash of a token a registration's emailed link carries; the link works until `expiresAt`. */
export async function insertRegistrationToken(
  db: Db,
  token: {
    registrationId: string;
    purpose: RegistrationTokenPurpose;
    tokenHash: string;
    createdAt: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('event_registration_tokens')
    .values({
      token_hash: token.tokenHash,
      registration_id: token.registrationId,
      purpose: token.purpose,
      created_at: iso(token.createdAt),
      expires_at: iso(token.expiresAt),
    })
    .execute();
}

/** The registration whose `purpose` link carried the token hashed to `tokenHash`, if the link is valid at `now`. */
export async function findRegistrationByTokenHash(
  db: Db,
  tokenHash: string,
  purpose: RegistrationTokenPurpose,
  now: Date,
): Promise<Registration | null> {
  const row = await db
    .selectFrom('event_registration_tokens as t')
    .innerJoin('event_registrations as r', 'r.id', 't.registration_id')
    .selectAll('r')
    .where('t.token_hash', '=', tokenHash)
    .where('t.purpose', '=', purpose)
    .where('t.expires_at', '>', iso(now))
    .executeTakeFirst();
  return row ? toRegistration(row) : null;
}

/** An event's live registrations by status. */
export async function countRegistrations(db: Db, eventId: string): Promise<RegistrationCounts> {
  const rows = await db
    .selectFrom('event_registrations')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .where('status', '<>', 'cancelled')
    .groupBy('status')
    .execute();
  const counts: RegistrationCounts = { confirmed: 0, pending: 0, waitlisted: 0 };
  for (const row of rows) {
    if (row.status in counts) counts[row.status as keyof RegistrationCounts] = Number(row.n);
  }
  return counts;
}

export async function lastRegistrationArrival(db: Db, eventId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.max('created_at').as('at'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return row?.at ? toDate(row.at) : null;
}

/** The first `limit` on the event's waitlist, in arrival order. */
export async function listWaitlist(db: Db, eventId: string, limit: number): Promise<Registration[]> {
  const rows = await db
    .selectFrom('event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toRegistration);
}

/** A waitlisted registration's place in line, from 1 (those who came before it, plus one). */
export async function waitlistPosition(db: Db, r: Registration): Promise<number> {
  const at = iso(r.createdAt);
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', r.eventId)
    .where('status', '=', 'waitlisted')
    .where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', r.id)])]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n) + 1;
}

export async function listExpiredHolds(db: Db, now: Date, limit: number): Promise<Registration[]> {
  const rows = await db
    .selectFrom('event_registrations')
    .selectAll()
    .where('status', '=', 'pending')
    .where('held_until', '<=', iso(now))
    .orderBy('held_until')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toRegistration);
}

export async function listDueReminders(
  db: Db,
  now: Date,
  until: Date,
  limit: number,
): Promise<Registration[]> {
  const rows = await db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .selectAll('r')
    .where('r.status', '=', 'confirmed')
    .where('r.reminded_at', 'is', null)
    .where('e.status', 'in', publicEventStatuses)
    .where('e.starts_at', '>', iso(now))
    .where('e.starts_at', '<=', iso(until))
    .orderBy('e.starts_at')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows.map(toRegistration);
}

/**
 * The event moved: its registrations get a reminder again before the new date, and the links already emailed work
 * until its new end at least (the reschedule email tells people to use the links they have).
 */
export async function registrationsFollowMove(db: Db, eventId: string, endsAt: Date): Promise<void> {
  await db
    .updateTable('event_registrations')
    .set({ reminded_at: null })
    .where('event_id', '=', eventId)
    .where('reminded_at', 'is not', null)
    .execute();
  await db
    .updateTable('event_registration_tokens')
    .set({ expires_at: iso(endsAt) })
    .where('expires_at', '<', iso(endsAt))
    .where('registration_id', 'in', (eb) =>
      eb.selectFrom('event_registrations').select('id').where('event_id', '=', eventId),
    )
    .execute();
}

export async function claimReminder(db: Db, registrationId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('event_registrations')
    .set({ reminded_at: iso(at) })
    .where('id', '=', registrationId)
    .where('reminded_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Clears access needs and their consent on registrations for events that ended before `cutoff`; how many. */
export async function deleteAccessNeedsEndedBefore(db: Db, cutoff: Date, limit: number): Promise<number> {
  const ids = db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select('r.id')
    .where('e.ends_at', '<', iso(cutoff))
    .where((eb) =>
      eb.or([eb('r.access_needs', 'is not', null), eb('r.access_needs_consent_version', 'is not', null)]),
    )
    .limit(limit);
  const result = await db
    .updateTable('event_registrations')
    .set({
      access_needs: null,
      access_needs_consent_statement: null,
      access_needs_consent_version: null,
      access_needs_consent_given_at: null,
    })
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The domain's registration ports on `db` (a transaction, in a unit of work). */
export function registrationRepositories(db: Db): {
  registrations: RegistrationRepository;
  sweeps: RegistrationSweeps;
} {
  return {
    registrations: {
      lockEvent: (eventId) => lockEvent(db, eventId),
      findById: (id) => findRegistrationById(db, id),
      findLive: (eventId, canonical) => findLiveRegistration(db, eventId, canonical),
      insertIfNew: (r) => insertRegistrationIfNew(db, r),
      update: (r) => updateRegistration(db, r),
      claimEmail: (id, max) => claimRegistrationEmail(db, id, max),
      findByTokenHash: (hash, purpose, now) => findRegistrationByTokenHash(db, hash, purpose, now),
      counts: (eventId) => countRegistrations(db, eventId),
      lastArrival: (eventId) => lastRegistrationArrival(db, eventId),
      waitlist: (eventId, limit) => listWaitlist(db, eventId, limit),
      waitlistPosition: (r) => waitlistPosition(db, r),
    },
    sweeps: {
      expiredHolds: (now, limit) => listExpiredHolds(db, now, limit),
      dueReminders: (now, until, limit) => listDueReminders(db, now, until, limit),
      claimReminder: (id, at) => claimReminder(db, id, at),
      deleteAccessNeedsEndedBefore: (cutoff, limit) => deleteAccessNeedsEndedBefore(db, cutoff, limit),
    },
  };
}
