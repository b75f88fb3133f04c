// Failed sign-ins counted per account (email), in the database so every admin server shares the count.
import type { Kysely } from 'kysely';
import { iso, toDate } from '../mappers.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** Failures within the current window (0 when the window has passed). */
export async function recentSignInFailures(
  db: Db,
  email: string,
  now: Date,
  windowMs: number,
): Promise<number> {
  const row = await db
    .selectFrom('sign_in_failures')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
  if (!row || now.getTime() - toDate(row.window_started_at).getTime() >= windowMs) return 0;
  return Number(row.count);
}

export async function recordSignInFailure(db: Db, email: string, now: Date, windowMs: number): Promise<void> {
  const current = await recentSignInFailures(db, email, now, windowMs);
  if (current === 0) {
    await db
      .insertInto('sign_in_failures')
      .values({ email, count: 1, window_started_at: iso(now) })
      .onConflict((oc) => oc.column('email').doUpdateSet({ count: 1, window_started_at: iso(now) }))
      .execute();
  } else {
    await db
      .updateTable('sign_in_failures')
      .set({ count: current + 1 })
      .where('email', '=', email)
      .execute();
  }
}

export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('email', '=', email).execute();
}
