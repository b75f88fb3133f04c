// The sweep: one job a minute that finds work due "at a time" (scheduled articles, partner feeds due for a
// fetch — each feature adds a sweeper here) and enqueues it. Maximum delay between a due time and the work being
// enqueued: one minute plus the queue's poll interval on SQLite (0.5 s); on PostgreSQL, pg-boss's cron monitor
// adds up to 30 s more. Sweepers must be idempotent: two sweeps may overlap.
import { iso } from '@ayni/db';
import { z } from 'zod';
import { defineJob, type JobContext } from './define.js';

export interface Sweeper {
  name: string;
  /** What it does each time, in words ("publish the scheduled articles whose time has come"). */
  does: string;
  sweep(ctx: JobContext): Promise<void>;
}

/** Idempotency keys are kept this long; a key older than this may be used again. */
export const IDEMPOTENCY_KEY_RETENTION_DAYS = 30;

export const pruneIdempotencyKeys: Sweeper = {
  name: 'prune-idempotency-keys',
  does: `forget the duplicate-job guards older than ${IDEMPOTENCY_KEY_RETENTION_DAYS} days`,
  async sweep(ctx) {
    const before = new Date(ctx.clock.now().getTime() - IDEMPOTENCY_KEY_RETENTION_DAYS * 86_400_000);
    await ctx.db.deleteFrom('job_idempotency_keys').where('created_at', '<', iso(before)).execute();
  },
};

export const sweepers: Sweeper[] = [pruneIdempotencyKeys];

/** Registers a sweeper (modules that own due-at-a-time work add theirs at import). */
export function addSweeper(s: Sweeper): void {
  if (!sweepers.some((x) => x.name === s.name)) sweepers.push(s);
}

export const sweepJob = defineJob({
  name: 'sweep',
  title: 'Regular checks',
  payload: z.object({}),
  scheduledPayload: {},
  schedule: { cron: '* * * * *' },
  retry: { attempts: 1, backoffSeconds: 1 },
  timeoutSeconds: 55,
  concurrency: 1,
  async handler(_payload, ctx) {
    for (const s of sweepers) {
      try {
        await s.sweep(ctx);
      } catch (err) {
        ctx.logger.error({ err, sweeper: s.name }, 'Sweeper failed');
      }
    }
  },
});
