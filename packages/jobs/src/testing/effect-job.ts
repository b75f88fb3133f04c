// The job used by the reliability tests: it records every run, and performs its side effect only if no earlier
// run did (check, then do, in one transaction) — the pattern every real handler follows.
import { sql } from 'kysely';
import { z } from 'zod';
import { defineJob } from '../define.js';
import { recordEffect } from './helpers.js';

export const effectJob = defineJob({
  name: 'test.effect',
  title: 'Record an effect (tests)',
  payload: z.object({ label: z.string(), slowMs: z.number().int().min(0).default(0) }),
  retry: { attempts: 3, backoffSeconds: 1 },
  // Also pg-boss's lease: a job whose worker died is taken up again after this.
  timeoutSeconds: 3,
  async handler({ label, slowMs }, ctx) {
    const worker = process.env.TEST_WORKER_NAME ?? 'in-process';
    await recordEffect(ctx, { job_id: ctx.jobId, label: `run:${label}`, attempt: ctx.attempt, worker });
    await ctx.db.transaction().execute(async (trx) => {
      const done =
        await sql`select 1 from test_effects where job_id = ${ctx.jobId} and label = ${label}`.execute(trx);
      if (done.rows.length === 0)
        await recordEffect({ db: trx }, { job_id: ctx.jobId, label, attempt: ctx.attempt, worker });
    });
    if (slowMs > 0 && process.env.TEST_SLOW === '1') await new Promise((r) => setTimeout(r, slowMs));
  },
});
