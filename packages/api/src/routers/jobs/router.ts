// What the background jobs did: counts per job and state, failed jobs with their error, what is waiting, the
// recurring schedules; retry a failed job, cancel a waiting one (job:view / job:retry).
import { jobTitle, sweepJob, sweepers } from '@ayni/jobs';
import { TRPCError } from '@trpc/server';
import cronstrue from 'cronstrue';
import { z } from 'zod';
import { okSchema } from '../../outputs.js';
import { audit, permitted, router } from '../../trpc.js';
import { workerStatus, workerStatusSchema } from '../worker-status.js';

/** "* * * * *" → "Every minute"; a schedule cronstrue cannot read is shown as written. */
function scheduleInWords(cron: string): string {
  try {
    return cronstrue.toString(cron, { use24HourTimeFormat: true });
  } catch {
    return cron;
  }
}

const jobRefSchema = z.object({
  name: z.string().trim().min(1, { error: 'Job name is required' }),
  id: z.string().trim().min(1, { error: 'Job id is required' }),
});

const count = z.number().int().min(0);
/** A job as the page names it: its registered name and its title in words. */
const jobName = { name: z.string().min(1), title: z.string() };

const overviewSchema = z.object({
  backend: z.enum(['sqlite', 'pg-boss']),
  worker: workerStatusSchema,
  counts: z.array(
    z.object({ ...jobName, queued: count, active: count, completed: count, failed: count, cancelled: count }),
  ),
  failed: z.array(
    z.object({
      ...jobName,
      id: z.string().min(1),
      attempts: count,
      error: z.string(),
      failedAt: z.date().nullable(),
      /** The job's payload as JSON text, to read. */
      payload: z.string(),
    }),
  ),
  queued: z.array(
    z.object({ ...jobName, id: z.string().min(1), runAt: z.date().nullable(), attempts: count }),
  ),
  schedules: z.array(
    z.object({
      ...jobName,
      cron: z.string(),
      timeZone: z.string(),
      nextRunAt: z.date(),
      /** The schedule in words ("Every minute"). */
      when: z.string(),
      /** What each run does, for a job that does several things. */
      does: z.array(z.string()),
    }),
  ),
});

export const jobsRouter = router({
  overview: permitted('job:view')
    .output(overviewSchema)
    .query(async ({ ctx }) => {
      const [counts, failed, queued, schedules, worker] = await Promise.all([
        ctx.queue.counts(),
        ctx.queue.failed(50),
        ctx.queue.queued(50),
        ctx.queue.schedules(),
        workerStatus(ctx.handle.db, ctx.clock),
      ]);
      return {
        backend: ctx.queue.backend,
        worker,
        counts: counts.map((c) => ({ ...c, title: jobTitle(c.name) })),
        failed: failed.map((f) => ({
          ...f,
          title: jobTitle(f.name),
          payload: JSON.stringify(f.payload),
        })),
        queued: queued.map((q) => ({ ...q, title: jobTitle(q.name) })),
        schedules: schedules.map((s) => ({
          ...s,
          title: jobTitle(s.name),
          when: scheduleInWords(s.cron),
          // The regular checks do several things each time: say which.
          does: s.name === sweepJob.name ? sweepers.map((sweeper) => sweeper.does) : [],
        })),
      };
    }),
  retry: permitted('job:retry')
    .input(jobRefSchema)
    .output(okSchema)
    .mutation(async ({ ctx, input }) => {
      if (!(await ctx.queue.retry(input.name, input.id))) {
        throw new TRPCError({
          code: 'CONFLICT',
          message: 'Only a failed job can be retried; this one is not failed.',
        });
      }
      await audit(ctx, {
        action: 'job.retry',
        resourceType: 'job',
        resourceId: input.id,
        summary: `Retried a failed “${jobTitle(input.name)}” job`,
      });
      return { ok: true as const };
    }),
  cancel: permitted('job:retry')
    .input(jobRefSchema)
    .output(okSchema)
    .mutation(async ({ ctx, input }) => {
      if (!(await ctx.queue.cancel(input.name, input.id))) {
        throw new TRPCError({
          code: 'CONFLICT',
          message: 'Only a job that has not started can be cancelled.',
        });
      }
      await audit(ctx, {
        action: 'job.cancel',
        resourceType: 'job',
        resourceId: input.id,
        summary: `Cancelled a waiting “${jobTitle(input.name)}” job`,
      });
      return { ok: true as const };
    }),
});
