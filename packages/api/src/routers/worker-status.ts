// Whether the background worker is alive, from its heartbeat: one rule for every page that shows it.
import { lastWorkerSeenAt, type DbHandle } from '@ayni/db';
import type { Clock } from '@ayni/domain';
import { z } from 'zod';

/** A worker that has not written its heartbeat for this long is shown as not running. */
export const WORKER_STALE_AFTER_MS = 2 * 60_000;

export const workerStatusSchema = z.object({ lastSeenAt: z.date().nullable(), running: z.boolean() });

export async function workerStatus(
  db: DbHandle['db'],
  clock: Clock,
): Promise<z.infer<typeof workerStatusSchema>> {
  const seenAt = await lastWorkerSeenAt(db);
  return {
    lastSeenAt: seenAt ?? null,
    running: seenAt !== null && clock.now().getTime() - seenAt.getTime() < WORKER_STALE_AFTER_MS,
  };
}
