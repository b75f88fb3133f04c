// The queue contract, run against the backend the test database selects: the embedded SQLite queue by default,
// pg-boss when TEST_POSTGRES_URL is set. Same assertions on both.
import { createTestDatabase, testDialect, type TestDatabase } from '@ayni/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, type JobDefinition } from './define.js';
import type { Queue } from './queue.js';
import { createEffectsTable, effects, recordEffect, testQueue, waitFor } from './testing/helpers.js';

let t: TestDatabase;
let queue: Queue;

const record = defineJob({
  name: 'test.record',
  title: 'Record a run (tests)',
  payload: z.object({ label: z.string() }),
  retry: { attempts: 3, backoffSeconds: 1 },
  timeoutSeconds: 10,
  async handler({ label }, ctx) {
    await recordEffect(ctx, { job_id: ctx.jobId, label, attempt: ctx.attempt, worker: 'w' });
  },
});

/** Fails until its third attempt, or always when the label says so. */
const flaky = defineJob({
  name: 'test.flaky',
  title: 'Fail at first (tests)',
  payload: z.object({ label: z.string(), always: z.boolean().default(false) }),
  retry: { attempts: 3, backoffSeconds: 1 },
  timeoutSeconds: 10,
  async handler({ label, always }, ctx) {
    await recordEffect(ctx, { job_id: ctx.jobId, label, attempt: ctx.attempt, worker: 'w' });
    if (always || ctx.attempt < 3) throw new Error(`boom on attempt ${ctx.attempt}`);
  },
});

const definitions = [record, flaky] as unknown as JobDefinition[];

beforeAll(async () => {
  t = await createTestDatabase();
  await createEffectsTable(t);
  queue = testQueue(t, definitions);
  await queue.start();
  await queue.work({ concurrency: 3 });
});
afterAll(async () => {
  await queue?.stop(5_000);
  await t?.cleanup();
});

describe(`the job queue on ${testDialect()}`, () => {
  it(`uses the ${testDialect() === 'postgres' ? 'pg-boss' : 'sqlite'} backend`, () => {
    expect(queue.backend).toBe(testDialect() === 'postgres' ? 'pg-boss' : 'sqlite');
  });

  it('runs an enqueued job once with its validated payload', async () => {
    const id = await queue.enqueue(t.db, record, { label: 'hello' });
    expect(id).toEqual(expect.any(String));
    const done = await waitFor(async () => (await effects(t, 'hello')).length === 1 && effects(t, 'hello'));
    expect(done).toEqual([{ job_id: id, label: 'hello', attempt: 1, worker: 'w' }]);
  });

  it('refuses a payload that does not match the schema, naming the field', async () => {
    await expect(queue.enqueue(t.db, record, { label: 42 } as never)).rejects.toThrow(/label/);
  });

  it('never runs a job whose transaction rolled back, and always runs one that committed', async () => {
    await t.db
      .transaction()
      .execute(async (trx) => {
        await queue.enqueue(trx, record, { label: 'rolled-back' });
        throw new Error('the caller changed its mind');
      })
      .catch(() => undefined);
    await t.db.transaction().execute(async (trx) => {
      await queue.enqueue(trx, record, { label: 'committed' });
    });
    // Enqueued after the rolled-back one; once it has run, the other would have run too if it existed.
    await waitFor(async () => (await effects(t, 'committed')).length === 1, 20_000, 'the committed job');
    expect(await effects(t, 'rolled-back')).toEqual([]);
  });

  it('enqueues an idempotency key once', async () => {
    const first = await queue.enqueue(t.db, record, { label: 'idem' }, { idempotencyKey: 'idem-key-1' });
    const second = await queue.enqueue(t.db, record, { label: 'idem' }, { idempotencyKey: 'idem-key-1' });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    await waitFor(async () => (await effects(t, 'idem')).length === 1);
    await queue.enqueue(t.db, record, { label: 'after-idem' });
    await waitFor(async () => (await effects(t, 'after-idem')).length === 1);
    expect(await effects(t, 'idem')).toHaveLength(1);
  });

  it('frees the idempotency key when the enqueueing transaction rolls back', async () => {
    await t.db
      .transaction()
      .execute(async (trx) => {
        await queue.enqueue(trx, record, { label: 'idem-2' }, { idempotencyKey: 'idem-key-2' });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(
      await queue.enqueue(t.db, record, { label: 'idem-2' }, { idempotencyKey: 'idem-key-2' }),
    ).not.toBeNull();
    await waitFor(async () => (await effects(t, 'idem-2')).length === 1);
  });

  it('retries a failing job with backoff until it succeeds, while other jobs keep flowing', async () => {
    await queue.enqueue(t.db, flaky, { label: 'flaky' });
    await queue.enqueue(t.db, record, { label: 'meanwhile' });
    await waitFor(async () => (await effects(t, 'meanwhile')).length === 1);
    const runs = await waitFor(
      async () => {
        const e = await effects(t, 'flaky');
        return e.length === 3 && e;
      },
      30_000,
      'three attempts',
    );
    expect(runs.map((r) => r.attempt)).toEqual([1, 2, 3]);
  });

  it('shows a job that keeps failing as failed with its error and attempts; retry runs it once more', async () => {
    const id = (await queue.enqueue(t.db, flaky, { label: 'doomed', always: true }))!;
    const failed = await waitFor(
      async () => (await queue.failed()).find((f) => f.id === id),
      30_000,
      'the job to be marked failed',
    );
    expect(failed).toMatchObject({ name: 'test.flaky', attempts: 3, error: 'Error: boom on attempt 3' });
    expect((await effects(t, 'doomed')).map((e) => e.attempt)).toEqual([1, 2, 3]);
    const counts = (await queue.counts()).find((c) => c.name === 'test.flaky');
    expect(counts?.failed).toBe(1);

    expect(await queue.retry('test.flaky', id)).toBe(true);
    await waitFor(async () => (await effects(t, 'doomed')).length === 4, 30_000, 'one more attempt');
    const again = await waitFor(async () =>
      (await queue.failed()).find((f) => f.id === id && f.attempts === 4),
    );
    expect(again.error).toBe('Error: boom on attempt 4');
    expect(await queue.retry('test.flaky', 'no-such-id')).toBe(false);
  });

  it('cancels a queued job so it never runs', async () => {
    const id = (await queue.enqueue(
      t.db,
      record,
      { label: 'cancelled' },
      { runAt: new Date(Date.now() + 3_600_000) },
    ))!;
    expect((await queue.queued()).map((j) => j.id)).toContain(id);
    expect(await queue.cancel('test.record', id)).toBe(true);
    expect(await queue.cancel('test.record', id)).toBe(false);
    expect((await queue.queued()).map((j) => j.id)).not.toContain(id);
    expect((await queue.counts()).find((c) => c.name === 'test.record')?.cancelled).toBe(1);
  });

  it('counts jobs per name and state, listing every defined job', async () => {
    const counts = await queue.counts();
    expect(counts.map((c) => c.name)).toEqual(['test.flaky', 'test.record']);
    expect(counts.find((c) => c.name === 'test.record')?.completed).toBeGreaterThanOrEqual(5);
  });
});
