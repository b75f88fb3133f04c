// A write that spans several tables must not leave half of itself behind: it joins the caller's transaction (so a
// use case can add its own writes) or opens one.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Runs `fn` in `db` if it is already a transaction, otherwise in a new one. */
export async function withTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
