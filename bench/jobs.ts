// pnpm bench — the job queue and email throughput, on SQLite and on PostgreSQL, in one run:
//   1. 10,000 no-op jobs: enqueue rate, then processing rate (jobs/s) with one worker of concurrency 8;
//   2. 10,000 emails queued (message record + job each) and delivered to a local SMTP server in another process.
// PostgreSQL is used when it answers at BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres);
// each run gets a database of its own, dropped afterwards. Prints a Markdown table for bench/README.md.
import { cpus, totalmem } from 'node:os';
import { migrateToLatest, saveSettings, type DbHandle } from '@ayni/db';
import { systemClock } from '@ayni/domain';
import { postgresTarget, sqliteTarget, type Target } from './targets.js';
import { startSmtpSink } from './processes.js';
import { allJobs, createMailer, createQueue, defineJob, queueEmail, type JobDefinition } from '@ayni/jobs';
import { sql } from 'kysely';
import pino from 'pino';
import { z } from 'zod';

const N = Number(process.env.BENCH_JOBS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const logger = pino({ level: 'silent' });

const noop = defineJob({
  name: 'bench.noop',
  title: 'Do nothing (benchmark)',
  payload: z.object({ i: z.number() }),
  retry: { attempts: 3, backoffSeconds: 1 },
  timeoutSeconds: 60,
  async handler() {},
});
const definitions = [...allJobs, noop as unknown as JobDefinition];

async function waitUntil(check: () => Promise<boolean>) {
  while (!(await check())) await new Promise((r) => setTimeout(r, 100));
}

async function completed(handle: DbHandle, name: string): Promise<number> {
  const q =
    handle.dialect === 'postgres'
      ? sql<{
          n: number;
        }>`select count(*)::int as n from pgboss.job where name = ${name} and state = 'completed'`
      : sql<{ n: number }>`select count(*) as n from jobs where name = ${name} and state = 'completed'`;
  return Number((await q.execute(handle.db)).rows[0]!.n);
}

async function run(target: Target) {
  const { handle } = target;
  await migrateToLatest(handle.db);
  await saveSettings(handle.db, { organisationName: 'Bench Org', siteUrl: 'https://bench.example.org' });
  const sink = await startSmtpSink();
  const mailer = createMailer({
    smtpUrl: `smtp://127.0.0.1:${sink.port}/?pool=true&maxConnections=16`,
    outboxDir: '/nonexistent',
    logger,
  });
  const queue = createQueue({
    handle,
    definitions,
    clock: systemClock,
    logger,
    services: { mailer },
    timeZone: 'Europe/London',
    role: 'worker',
  });
  await queue.start();

  // 1. No-op jobs: enqueue all (500 per transaction), then process.
  let t0 = performance.now();
  for (let i = 0; i < N; i += 500) {
    await handle.db.transaction().execute(async (trx) => {
      for (let j = i; j < Math.min(N, i + 500); j++) await queue.enqueue(trx, noop, { i: j });
    });
  }
  const enqueueSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await queue.work({ concurrency: CONCURRENCY });
  await waitUntil(async () => (await completed(handle, 'bench.noop')) >= N);
  const processSeconds = (performance.now() - t0) / 1000;

  // 2. Emails: queue N (record + job, 500 per transaction) while the worker runs; time until all are received.
  t0 = performance.now();
  for (let i = 0; i < N; i += 500) {
    await handle.db.transaction().execute(async (trx) => {
      for (let j = i; j < Math.min(N, i + 500); j++) {
        await queueEmail(
          trx,
          queue,
          {
            to: `reader${j}@example.org`,
            template: 'test-message',
            language: j % 2 ? 'es' : 'en',
            data: { requestedBy: 'Bench' },
          },
          { clock: systemClock },
        );
      }
    });
  }
  await waitUntil(async () => (await sink.received()) >= N);
  const emailSeconds = (performance.now() - t0) / 1000;
  const sent = Number(
    (await sql<{ n: number }>`select count(*) as n from messages where status = 'sent'`.execute(handle.db))
      .rows[0]!.n,
  );

  await queue.stop(5_000);
  mailer.close();
  await sink.stop();
  return { enqueueSeconds, processSeconds, emailSeconds, sent };
}

const rows: string[] = [];
for (const make of [sqliteTarget, postgresTarget]) {
  const target = await make();
  if (!target) continue;
  try {
    const r = await run(target);
    rows.push(
      `| ${target.label} | ${Math.round(N / r.enqueueSeconds)} | ${Math.round(N / r.processSeconds)} | ${r.emailSeconds.toFixed(1)} s (${Math.round(N / r.emailSeconds)}/s), ${r.sent} recorded sent |`,
    );
    console.error(`${target.label}: done`);
  } finally {
    await target.handle.destroy();
    await target.drop();
  }
}

console.log(
  `\n${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · ${Math.round(totalmem() / 2 ** 30)} GB`,
);
console.log(`${N} jobs, worker concurrency ${CONCURRENCY}\n`);
console.log('| backend | enqueue (jobs/s) | process no-op (jobs/s) | 10k emails queued → received |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(r);
process.exit(0);
