// First-run setup (as Ghost does it): while no staff account exists, anyone who can reach the admin may create
// the owner; once one exists, setup is refused. The user and its password credential are written in one
// transaction, so a failure leaves no half-created account, and two simultaneous attempts cannot both win.
import { randomUUID } from 'node:crypto';
import { countStaff, iso, type DbHandle } from '@ayni/db';
import { DomainError, ownerSetupSchema, type Clock } from '@ayni/domain';
import { sql } from 'kysely';
import type { Auth } from './auth.js';

export async function needsSetup(handle: Pick<DbHandle, 'db'>): Promise<boolean> {
  return (await countStaff(handle.db)) === 0;
}

export async function setupOwner(
  auth: Auth,
  handle: Pick<DbHandle, 'db' | 'dialect'>,
  input: unknown,
  clock: Clock,
): Promise<{ id: string; email: string; name: string }> {
  const data = ownerSetupSchema.parse(input);
  const ctx = await auth.$context;
  const hash = await ctx.password.hash(data.password);
  const now = iso(clock.now());
  const id = randomUUID();
  const refused = () => new DomainError('CONFLICT', 'Ayni is already set up: sign in instead.');
  // On SQLite, BEGIN IMMEDIATE-like serialisation comes from the single writer; on PostgreSQL an advisory
  // lock makes the check-then-insert atomic across servers.
  await handle.db.transaction().execute(async (trx) => {
    if (handle.dialect === 'postgres') {
      await sql`select pg_advisory_xact_lock(7212001)`.execute(trx);
    }
    if ((await countStaff(trx)) > 0) throw refused();
    await trx
      .insertInto('user')
      .values({
        id,
        name: data.name,
        email: data.email,
        emailVerified: 1,
        image: null,
        role: 'owner',
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
  });
  return { id, email: data.email, name: data.name };
}
