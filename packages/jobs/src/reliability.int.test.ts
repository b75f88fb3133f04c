// What the worker must survive, on the backend the test database selects (SQLite queue or pg-boss):
// a worker killed mid-job, and two workers sharing a thousand jobs.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTestDatabase, testDialect, type TestDatabase } from '@ayni/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDefinition } from './define.js';
import { effectJob } from './testing/effect-job.js';
import { createEffectsTable, effects, testQueue, waitFor } from './testing/helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = pathToFileURL(path.resolve(here, '../node_modules/tsx/dist/loader.mjs')).href;
const definitions = [effectJob as unknown as JobDefinition];
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await createEffectsTable(t);
});
afterAll(async () => {
  await t?.cleanup();
});

function startWorker(name: string, slow: boolean): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ['--import', tsx, path.join(here, 'testing/worker-process.ts')], {
    env: { ...process.env, DATABASE_URL: t.url, TEST_WORKER_NAME: name, TEST_SLOW: slow ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('worker ready') && resolve());
    child.on('exit', (code) => reject(new Error(`worker ${name} exited with ${code}`)));
  });
  return { child, ready };
}

describe(`reliability on ${testDialect()}`, () => {
  it('a worker killed with SIGKILL mid-job: the job runs again after its lease, its side effect happens once', async () => {
    const producer = testQueue(t, definitions, { role: 'producer' });
    await producer.start();
    const jobId = await producer.enqueue(t.db, effectJob, { label: 'killed', slowMs: 60_000 });

    const a = startWorker('A', true);
    await a.ready;
    // Worker A has done the side effect and is still inside the handler: kill it there.
    await waitFor(async () => (await effects(t, 'killed')).length === 1, 20_000, 'worker A to start the job');
    a.child.kill('SIGKILL');
    await new Promise((r) => a.child.once('exit', r));

    const b = startWorker('B', false);
    await b.ready;
    const runs = await waitFor(
      async () => {
        const r = await effects(t, 'run:killed');
        return r.length === 2 && r;
      },
      30_000,
      'worker B to run the job again',
    );
    await waitFor(
      async () => (await producer.counts()).find((c) => c.name === 'test.effect')?.completed === 1,
    );
    b.child.kill('SIGTERM');
    await new Promise((r) => b.child.once('exit', r));
    await producer.stop(1_000);

    expect(runs.map((r) => [r.worker, r.attempt])).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
    expect((await effects(t, 'killed')).map((e) => [e.job_id, e.worker])).toEqual([[jobId, 'A']]);
  });

  it('two worker processes share 1,000 jobs and each job is processed exactly once', async () => {
    const producer = testQueue(t, definitions, { role: 'producer' });
    await producer.start();
    const completed = async () =>
      (await producer.counts()).find((c) => c.name === 'test.effect')?.completed ?? 0;
    const before = await completed();
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 1000; i++) await producer.enqueue(trx, effectJob, { label: `bulk-${i}` });
    });
    const workers = [startWorker('one', false), startWorker('two', false)];
    await Promise.all(workers.map((w) => w.ready));
    await waitFor(async () => (await completed()) === before + 1000, 120_000, 'all jobs completed');
    for (const w of workers) {
      w.child.kill('SIGTERM');
      await new Promise((r) => w.child.once('exit', r));
    }
    await producer.stop(1_000);

    const { rows } = await sql<{ worker: string; runs: number; jobs: number }>`
      select worker, count(*) as runs, count(distinct job_id) as jobs from test_effects
      where label like 'run:bulk-%' group by worker order by worker`.execute(t.db);
    const { rows: totals } = await sql<{ runs: number; jobs: number; effects: number }>`
      select count(*) as runs, count(distinct job_id) as jobs,
        (select count(*) from test_effects where label like 'bulk-%') as effects
      from test_effects where label like 'run:bulk-%'`.execute(t.db);
    expect(
      totals.map((r) => ({ runs: Number(r.runs), jobs: Number(r.jobs), effects: Number(r.effects) })),
    ).toEqual([{ runs: 1000, jobs: 1000, effects: 1000 }]);
    // Both workers took part.
    expect(rows.map((r) => r.worker)).toEqual(['one', 'two']);
    expect(rows.every((r) => Number(r.runs) > 0)).toBe(true);
  }, 180_000);
});
