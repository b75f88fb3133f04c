import { dashboardCounts } from '@ayni/db';
import { permitted, router } from '../../trpc.js';
import { workerStatus } from '../worker-status.js';

export const dashboardRouter = router({
  summary: permitted('dashboard:view').query(async ({ ctx }) => {
    const [counts, worker] = await Promise.all([
      dashboardCounts(ctx.handle.db, ctx.clock.now()),
      workerStatus(ctx.handle.db, ctx.clock),
    ]);
    return { ...counts, worker };
  }),
});
