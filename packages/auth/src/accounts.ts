// Staff accounts are created by the product, never by an open endpoint: first-run setup creates the owner,
// accepting an invitation creates everyone else. Both write the user and its password credential with
// better-auth's own hasher, inside the caller's transaction, so nothing is ever half-created.
import { randomUUID } from 'node:crypto';
import {
  appendAudit,
  consumeInvitation,
  countStaff,
  findInvitationByTokenHash,
  findStaffByEmail,
  hashToken,
  iso,
  newToken,
  type Database,
  type DbHandle,
} from '@ayni/db';
import {
  DomainError,
  acceptInvitationSchema,
  assertInvitationUsable,
  ownerSetupSchema,
  staffRoleWord,
  type Clock,
  type StaffRole,
} from '@ayni/domain';
import { sql, type Kysely } from 'kysely';
import type { Auth } from './auth.js';

export { hashToken, newToken };

async function insertStaffAccount(
  trx: Kysely<Database>,
  auth: Auth,
  account: { name: string; email: string; password: string; role: StaffRole; now: Date },
): Promise<string> {
  if (await findStaffByEmail(trx, account.email)) {
    throw new DomainError('CONFLICT', 'This email address already has an account. Sign in instead.', {
      field: 'email',
    });
  }
  const hash = await (await auth.$context).password.hash(account.password);
  const id = randomUUID();
  const now = iso(account.now);
  await trx
    .insertInto('user')
    .values({
      id,
      name: account.name,
      email: account.email,
      emailVerified: 1,
      image: null,
      role: account.role,
      suspendedAt: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await trx
    .insertInto('account')
    .values({
      id: randomUUID(),
      accountId: id,
      providerId: 'credential',
      userId: id,
      password: hash,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

export async function needsSetup(handle: Pick<DbHandle, 'db'>): Promise<boolean> {
  return (await countStaff(handle.db)) === 0;
}

/**
 * First run (as Ghost does it): while no staff account exists, the owner may be created; afterwards, refused.
 * On PostgreSQL an advisory lock makes check-then-insert atomic across servers; on SQLite, BEGIN IMMEDIATE does.
 */
export async function setupOwner(
  auth: Auth,
  handle: Pick<DbHandle, 'db' | 'dialect'>,
  input: unknown,
  clock: Clock,
): Promise<{ id: string; email: string; name: string }> {
  const data = ownerSetupSchema.parse(input);
  const now = clock.now();
  const id = await handle.db.transaction().execute(async (trx) => {
    if (handle.dialect === 'postgres') await sql`select pg_advisory_xact_lock(7212001)`.execute(trx);
    if ((await countStaff(trx)) > 0)
      throw new DomainError('CONFLICT', 'Ayni is already set up: sign in instead.');
    const userId = await insertStaffAccount(trx, auth, { ...data, role: 'owner', now });
    await appendAudit(trx, {
      at: now,
      actorId: userId,
      actorEmail: data.email,
      action: 'staff.setup-owner',
      resourceType: 'staff',
      resourceId: userId,
      summary: `Created the owner account for ${data.email} at first run`,
    });
    return userId;
  });
  return { id, email: data.email, name: data.name };
}

/** What the invitation page shows before the person sets their name and password. */
export async function describeInvitation(handle: Pick<DbHandle, 'db'>, token: string, clock: Clock) {
  const invitation = await findInvitationByTokenHash(handle.db, hashToken(token));
  assertInvitationUsable(invitation, clock.now());
  return { email: invitation!.email, role: invitation!.role, expiresAt: invitation!.expiresAt };
}

/** Accepting consumes the invitation and creates the account in one transaction. */
export async function acceptInvitation(
  auth: Auth,
  handle: Pick<DbHandle, 'db'>,
  input: unknown,
  clock: Clock,
): Promise<{ id: string; email: string; role: StaffRole }> {
  const data = acceptInvitationSchema.parse(input);
  const now = clock.now();
  return handle.db.transaction().execute(async (trx) => {
    const invitation = await findInvitationByTokenHash(trx, hashToken(data.token));
    assertInvitationUsable(invitation, now);
    const inv = invitation!;
    const userId = await insertStaffAccount(trx, auth, {
      name: data.name,
      email: inv.email,
      password: data.password,
      role: inv.role,
      now,
    });
    if (!(await consumeInvitation(trx, inv.id, userId, now))) {
      throw new DomainError('CONFLICT', 'This invitation has already been used. Sign in instead.');
    }
    await appendAudit(trx, {
      at: now,
      actorId: userId,
      actorEmail: inv.email,
      action: 'staff.invitation.accept',
      resourceType: 'staff',
      resourceId: userId,
      summary: `${inv.email} accepted the invitation and joined as ${staffRoleWord(inv.role)}`,
    });
    return { id: userId, email: inv.email, role: inv.role };
  });
}
