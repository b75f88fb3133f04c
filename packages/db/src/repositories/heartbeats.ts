// The worker records that it is alive; the admin reads when it was last seen.
import type { Kysely } from 'kysely';
import { iso, toDate } from '../mappers.js';
import type { Database } from '../schema.js';

export async function recordHeartbeat(
  db: Kysely<Database>,
  beat: { workerId: string; hostname: string; pid: number; startedAt: Date; seenAt: Date },
): Promise<void> {
  await db
    .insertInto('worker_heartbeats')
    .values({
      worker_id: beat.workerId,
      hostname: beat.hostname,
      pid: beat.pid,
      started_at: iso(beat.startedAt),
      seen_at: iso(beat.seenAt),
    })
    .onConflict((oc) => oc.column('worker_id').doUpdateSet({ seen_at: iso(beat.seenAt) }))
    .execute();
}

export async function removeHeartbeat(db: Kysely<Database>, workerId: string): Promise<void> {
  await db.deleteFrom('worker_heartbeats').where('worker_id', '=', workerId).execute();
}

export async function lastWorkerSeenAt(db: Kysely<Database>): Promise<Date | null> {
  const row = await db
    .selectFrom('worker_heartbeats')
    .select((eb) => eb.fn.max('seen_at').as('latest'))
    .executeTakeFirst();
  return row?.latest ? toDate(row.latest as Date | string) : null;
}
