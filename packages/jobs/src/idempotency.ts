// Idempotency keys live in our own table, written in the caller's transaction, so a key is used once on both
// backends and a rolled-back enqueue frees its key again.
import { withTransaction, type Database } from '@ayni/db';
import type { Kysely } from 'kysely';

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

/**
 * An enqueue on either backend: `insert` runs in the caller's transaction (or a new one) after the idempotency
 * key, if any, is taken; when the key was used before, nothing is inserted and the result is null.
 */
export async function enqueueOnce(
  db: Kysely<Database>,
  key: { key: string | undefined; jobName: string; jobId: string; now: string },
  insert: (trx: Kysely<Database>) => Promise<string>,
): Promise<string | null> {
  return withTransaction(db, async (trx) => {
    if (key.key && !(await recordIdempotencyKey(trx, key.key, key.jobName, key.jobId, key.now))) return null;
    return insert(trx);
  });
}
