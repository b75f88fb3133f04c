// What the background jobs did: counts per job and state, failed jobs with their error, what is waiting, the
// recurring schedules; retry a failed job, cancel a waiting one. (Permissions job:view / job:retry arrive with
// staff roles; until then any signed-in staff member.)
import { lastWorkerSeenAt } from '@ayni/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { router, staffProcedure } from '../../trpc.js';

const jobRefSchema = z.object({
  name: z.string().trim().min(1, { error: 'Job name is required' }),
  id: z.string().trim().min(1, { error: 'Job id is required' }),
});

export const jobsRouter = router({
  overview: staffProcedure.query(async ({ ctx }) => {
    const [counts, failed, queued, schedules, workerSeenAt] = await Promise.all([
      ctx.queue.counts(),
      ctx.queue.failed(50),
      ctx.queue.queued(50),
      ctx.queue.schedules(),
      lastWorkerSeenAt(ctx.handle.db),
    ]);
    return {
      backend: ctx.queue.backend,
      workerLastSeenAt: workerSeenAt?.toISOString() ?? null,
      counts,
      failed: failed.map((f) => ({
        ...f,
        failedAt: f.failedAt?.toISOString() ?? null,
        payload: JSON.stringify(f.payload),
      })),
      queued: queued.map((q) => ({ ...q, runAt: q.runAt?.toISOString() ?? null })),
      schedules: schedules.map((s) => ({ ...s, nextRunAt: s.nextRunAt.toISOString() })),
    };
  }),
  retry: staffProcedure.input(jobRefSchema).mutation(async ({ ctx, input }) => {
    if (!(await ctx.queue.retry(input.name, input.id))) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'Only a failed job can be retried; this one is not failed.',
      });
    }
    return { ok: true };
  }),
  cancel: staffProcedure.input(jobRefSchema).mutation(async ({ ctx, input }) => {
    if (!(await ctx.queue.cancel(input.name, input.id))) {
      throw new TRPCError({ code: 'CONFLICT', message: 'Only a job that has not started can be cancelled.' });
    }
    return { ok: true };
  }),
});
