// Idempotency keys live in our own table, written in the caller's transaction, so a key is used once on both
// backends and a rolled-back enqueue frees its key again.
import type { Database } from '@ayni/db';
import type { Kysely } from 'kysely';

/** Runs `fn` in `db` if it is already a transaction, otherwise in a new one. */
export async function withTransaction<T>(
  db: Kysely<Database>,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** True when the key was free and is now taken by `jobId`; false when it was used before. */
export async function recordIdempotencyKey(
  trx: Kysely<Database>,
  key: string,
  jobName: string,
  jobId: string,
  now: string,
): Promise<boolean> {
  const result = await trx
    .insertInto('job_idempotency_keys')
    .values({ key, job_name: jobName, job_id: jobId, created_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
