import { dashboardCounts, lastWorkerSeenAt } from '@ayni/db';
import { permitted, router } from '../../trpc.js';

/** A worker that has not written its heartbeat for this long is shown as not running. */
export const WORKER_STALE_AFTER_MS = 2 * 60_000;

export const dashboardRouter = router({
  summary: permitted('dashboard:view').query(async ({ ctx }) => {
    const now = ctx.clock.now();
    const [counts, workerSeenAt] = await Promise.all([
      dashboardCounts(ctx.handle.db, now),
      lastWorkerSeenAt(ctx.handle.db),
    ]);
    return {
      ...counts,
      worker: {
        lastSeenAt: workerSeenAt?.toISOString() ?? null,
        running: workerSeenAt !== null && now.getTime() - workerSeenAt.getTime() < WORKER_STALE_AFTER_MS,
      },
    };
  }),
});
