// pnpm --filter @ayni/bench run bench:signing — signing a petition through the real site over HTTP, on SQLite and on
// PostgreSQL (issue 13). The production build of the site (apps/web/server.js, TRUST_PROXY=loopback so each request's
// X-Forwarded-For is its signer's address) and the worker (sending to a local SMTP server in its own process) run on
// a seeded database. Two measurements, same settings for both databases:
//   1. sustained signing: form POSTs from distinct signers at distinct addresses for BENCH_SECONDS with
//      BENCH_CONNECTIONS connections; each answered 303 is a pending signature, its consents and its confirmation
//      email's message and job, committed together — checked against the database afterwards;
//   2. one person posting BENCH_SAME times at once (Gmail variants of one address): exactly one signature.
// Prints a Markdown table for bench/README.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { migrateToLatest, randomIds, seedDemo, type DbHandle } from '@ayni/db';
import { systemClock } from '@ayni/domain';
import autocannon from 'autocannon';
import { postgresTarget, sqliteTarget, type Target } from './targets.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SAME = Number(process.env.BENCH_SAME ?? 1000);
const root = path.resolve(import.meta.dirname, '..');
const HUB = '/campaigns/justice-for-sterilised-women';
const SECRETS_KEY = 'bench-secrets-key-bench-secrets-key-bench';

function start(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  ready: string | RegExp,
): Promise<ChildProcess & { output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (typeof ready === 'string' ? out.includes(ready) : ready.test(out)) {
        resolve(Object.assign(child, { output: out }));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}:\n${out.slice(-2000)}`)));
  });
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** An address per signer: 10.x.y.z from a counter (IPv4, so each is its own limit). */
const addressOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/** autocannon's requests: each a form POST of signer `n` (counted across the run) from its own address. */
function posts(next: () => number, fields: (n: number) => Record<string, string>): autocannon.Request[] {
  return [
    {
      method: 'POST',
      setupRequest: (request) => {
        const n = next();
        return {
          ...request,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': addressOf(n) },
          body: form(fields(n)),
        };
      },
    },
  ];
}

async function counts(handle: DbHandle) {
  const n = async (table: 'signatures' | 'messages', where?: [string, string]) => {
    let q = handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (where) q = q.where(where[0] as never, '=', where[1] as never);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  return {
    pending: await n('signatures', ['status', 'pending']),
    held: await n('signatures', ['status', 'held']),
    confirmations: await n('messages', ['template', 'signature-confirmation']),
  };
}

async function run(target: Target) {
  await migrateToLatest(target.handle.db);
  await seedDemo(target.handle.db, { clock: systemClock, ids: randomIds });
  const databaseUrl = target.url;
  const port = 3950 + Math.floor(Math.random() * 40);
  const sink = await start(['--import', 'tsx', 'smtp-sink.ts'], path.join(root, 'bench'), {}, /port \d+\n/);
  const smtpPort = Number(sink.output.match(/port (\d+)/)![1]);
  const env = {
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    SECRETS_KEY,
    AUTH_SECRET: 'bench-auth-secret-bench-auth-secret-bench',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}?pool=true&maxConnections=16`,
  };
  const web = await start(
    ['server.js'],
    path.join(root, 'apps/web'),
    { ...env, PORT: String(port), TRUST_PROXY: 'loopback', SITE_URL: `http://127.0.0.1:${port}` },
    'Site ready',
  );
  const worker = await start(['dist/main.js'], path.join(root, 'apps/worker'), env, 'Worker ready');
  const url = `http://127.0.0.1:${port}${HUB}?index`;
  try {
    let signer = 0;
    const before = await counts(target.handle);
    const sustained = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: posts(
        () => ++signer,
        (n) => ({ name: `Signer ${n}`, email: `signer${n}@example.org`, country: 'GB', consent: 'yes' }),
      ),
    });
    const after = await counts(target.handle);
    const signed = sustained['3xx'];
    const made = after.pending - before.pending;
    const queued = after.confirmations - before.confirmations;

    const same = await autocannon({
      url,
      connections: Math.min(100, SAME),
      amount: SAME,
      requests: posts(
        () => ++signer,
        (n) => ({
          name: 'Luz Quispe',
          email: n % 2 ? `luz.quispe+${n}@gmail.com` : `L.U.Z.Quispe@GoogleMail.com`,
          country: 'PE',
          consent: 'yes',
        }),
      ),
    });
    const luz = await target.handle.db
      .selectFrom('signatures')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('canonical_email', '=', 'luzquispe@gmail.com')
      .executeTakeFirstOrThrow();
    return {
      label: target.label,
      rate: signed / SECONDS,
      p99: sustained.latency.p99,
      signed,
      made,
      queued,
      other: sustained.non2xx - signed,
      errors: sustained.errors,
      sameAnswered: same['3xx'],
      sameRows: Number(luz.n),
    };
  } finally {
    worker.kill('SIGTERM');
    web.kill();
    sink.kill();
  }
}

console.log(
  `${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · ${Math.round(totalmem() / 2 ** 30)} GB · ${CONNECTIONS} connections for ${SECONDS} s · ${SAME} posts of one person`,
);
const rows = [];
for (const make of [sqliteTarget, postgresTarget]) {
  const target = await make();
  if (!target) continue;
  try {
    rows.push(await run(target));
  } finally {
    await target.handle.destroy();
    await target.drop();
  }
}
console.log(
  '\n| database | signatures/s (303s) | p99 ms | answered 303 | pending rows made | confirmation emails queued | other answers / errors | one person ×' +
    SAME +
    ' → rows |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.label} | ${Math.round(r.rate)} | ${r.p99} | ${r.signed} | ${r.made} | ${r.queued} | ${r.other} / ${r.errors} | ${r.sameAnswered} answered, ${r.sameRows} row |`,
  );
}
