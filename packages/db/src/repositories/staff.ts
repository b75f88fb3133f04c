// Read side of staff accounts (better-auth's user table) that the product needs outside better-auth.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export async function countStaff(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findStaffRole(db: Kysely<Database>, userId: string): Promise<string | null> {
  const row = await db.selectFrom('user').select('role').where('id', '=', userId).executeTakeFirst();
  return row?.role ?? null;
}
