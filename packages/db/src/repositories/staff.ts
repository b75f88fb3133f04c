// Staff accounts (better-auth's user table, plus our role and suspension columns) and invitations.
import type { Invitation, StaffAccount, StaffPorts, StaffRole } from '@ayni/domain';
import type { Kysely } from 'kysely';
import { iso, toDate, toDateOrNull } from '../mappers.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export async function countStaff(db: Db): Promise<number> {
  const row = await db
    .selectFrom('user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countActiveOwners(db: Db): Promise<number> {
  const row = await db
    .selectFrom('user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'owner')
    .where('suspendedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function toAccount(r: {
  id: string;
  name: string;
  email: string;
  role: string;
  suspendedAt: Date | string | null;
  createdAt: Date | string;
}): StaffAccount {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role as StaffRole,
    suspendedAt: toDateOrNull(r.suspendedAt),
    createdAt: toDate(r.createdAt),
  };
}

export async function listStaff(db: Db): Promise<StaffAccount[]> {
  const rows = await db
    .selectFrom('user')
    .select(['id', 'name', 'email', 'role', 'suspendedAt', 'createdAt'])
    .orderBy('name')
    .execute();
  return rows.map(toAccount);
}

export async function findStaff(db: Db, id: string): Promise<StaffAccount | null> {
  const row = await db
    .selectFrom('user')
    .select(['id', 'name', 'email', 'role', 'suspendedAt', 'createdAt'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

export async function findStaffByEmail(db: Db, email: string): Promise<StaffAccount | null> {
  const row = await db
    .selectFrom('user')
    .select(['id', 'name', 'email', 'role', 'suspendedAt', 'createdAt'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

export async function findStaffRole(db: Db, userId: string): Promise<string | null> {
  const row = await db.selectFrom('user').select('role').where('id', '=', userId).executeTakeFirst();
  return row?.role ?? null;
}

export async function setStaffRole(db: Db, id: string, role: StaffRole, now: Date): Promise<void> {
  await db
    .updateTable('user')
    .set({ role, updatedAt: iso(now) })
    .where('id', '=', id)
    .execute();
}

/** Suspends the account and ends every session it has, at once. */
export async function suspendStaff(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('user')
    .set({ suspendedAt: iso(now), updatedAt: iso(now) })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('session').where('userId', '=', id).execute();
}

export async function reactivateStaff(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('user')
    .set({ suspendedAt: null, updatedAt: iso(now) })
    .where('id', '=', id)
    .execute();
}

export async function setStaffName(db: Db, id: string, name: string, now: Date): Promise<void> {
  await db
    .updateTable('user')
    .set({ name, updatedAt: iso(now) })
    .where('id', '=', id)
    .execute();
}

function toInvitation(r: {
  id: string;
  email: string;
  role: string;
  invited_by: string | null;
  created_at: Date | string;
  expires_at: Date | string;
  accepted_at: Date | string | null;
  revoked_at: Date | string | null;
}): Invitation {
  return {
    id: r.id,
    email: r.email,
    role: r.role as StaffRole,
    invitedBy: r.invited_by,
    createdAt: toDate(r.created_at),
    expiresAt: toDate(r.expires_at),
    acceptedAt: toDateOrNull(r.accepted_at),
    revokedAt: toDateOrNull(r.revoked_at),
  };
}

export async function insertInvitation(db: Db, inv: Invitation & { tokenHash: string }): Promise<void> {
  await db
    .insertInto('invitations')
    .values({
      id: inv.id,
      email: inv.email,
      role: inv.role,
      token_hash: inv.tokenHash,
      invited_by: inv.invitedBy,
      created_at: iso(inv.createdAt),
      expires_at: iso(inv.expiresAt),
      accepted_at: null,
      accepted_user_id: null,
      revoked_at: null,
    })
    .execute();
}

export async function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<Invitation | null> {
  const row = await db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ? toInvitation(row) : null;
}

export async function findInvitation(db: Db, id: string): Promise<Invitation | null> {
  const row = await db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toInvitation(row) : null;
}

/**
 * Replaces the invitation's token hash (a fresh link was minted for it), only while it can still be accepted;
 * false otherwise. The earlier link stops working.
 */
export async function renewInvitationToken(
  db: Db,
  id: string,
  tokenHash: string,
  now: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('invitations')
    .set({ token_hash: tokenHash })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', iso(now))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks the invitation used; false when it was used (or withdrawn) meanwhile — the caller must roll back. */
export async function consumeInvitation(db: Db, id: string, userId: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('invitations')
    .set({ accepted_at: iso(now), accepted_user_id: userId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function revokeInvitation(db: Db, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('invitations')
    .set({ revoked_at: iso(now) })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Invitations not yet accepted or withdrawn (expired ones included, so staff can see and resend them). */
export async function listOpenInvitations(db: Db): Promise<Invitation[]> {
  const rows = await db
    .selectFrom('invitations')
    .selectAll()
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toInvitation);
}

/** Staff names by id, for showing who wrote what (ids with no account left are absent). */
export async function staffNames(
  db: Kysely<Database>,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('user').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every member of staff by name, for the articles list's author filter. */
export async function listStaffNames(db: Kysely<Database>): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('user').select(['id', 'name']).orderBy('name').execute();
}

/** The staff use cases' ports (packages/domain staff/service.ts) on a transaction. */
export function staffRepository(db: Db): Pick<StaffPorts, 'staff' | 'invitations'> {
  return {
    staff: {
      find: (id) => findStaff(db, id),
      countActiveOwners: () => countActiveOwners(db),
      setRole: (id, role, at) => setStaffRole(db, id, role, at),
      suspend: (id, at) => suspendStaff(db, id, at),
      reactivate: (id, at) => reactivateStaff(db, id, at),
      rename: (id, name, at) => setStaffName(db, id, name, at),
    },
    invitations: {
      find: (id) => findInvitation(db, id),
      revoke: (id, at) => revokeInvitation(db, id, at),
    },
  };
}
