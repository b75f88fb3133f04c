// pnpm --filter @ayni/bench run bench:site — the public site's speed, on SQLite and on PostgreSQL.
// Seeds 10,000 published articles, starts the production build of the site (apps/web/server.js) on them, and in one
// run measures with autocannon, same settings for every target: (a) a minimal Node http server answering the
// article page's exact HTML from memory — the baseline — and (b) the home page, /news?page=500, an article page, a
// search, and a conditional GET of the article page answering 304. Throughput with 10 connections; median and p99
// latency also with 1 connection. Prints a Markdown table for bench/README.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { createDb, migrateToLatest, randomIds, seedDemo, insertArticle, type DbHandle } from '@ayni/db';
import { articleInputSchema, newArticle, systemClock, transitionArticle, type Clock } from '@ayni/domain';
import autocannon from 'autocannon';
import pg from 'pg';
import { startNode } from './processes.js';
import { latestNewsPath } from './targets.js';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const PG_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = path.resolve(import.meta.dirname, '..');
const words = [
  'water',
  'mining',
  'rights',
  'Puno',
  'Cajamarca',
  'community',
  'defenders',
  'court',
  'health',
  'forest',
];

async function seedArticles(handle: DbHandle) {
  await migrateToLatest(handle.db);
  await seedDemo(handle.db, { clock: systemClock, ids: randomIds });
  const start = Date.now() - ARTICLES * 3_600_000;
  for (let i = 0; i < ARTICLES; i += 500) {
    await handle.db.transaction().execute(async (trx) => {
      for (let j = i; j < Math.min(ARTICLES, i + 500); j++) {
        const at: Clock = { now: () => new Date(start + j * 3_600_000) };
        const w = (k: number) => words[(j * 7 + k) % words.length];
        const draft = newArticle(
          articleInputSchema.parse({
            language: 'en',
            title: `Bench article ${j}: ${w(1)} and ${w(2)}`,
            summary: `A summary about ${w(3)} in ${w(4)}.`,
            body: `## ${w(5)}\n\nParagraph ${j} about ${w(6)}, ${w(7)} and ${w(8)}.\n\n- one\n- two`,
            topics: [String(w(1))],
          }),
          { clock: at, ids: randomIds },
        );
        await insertArticle(trx, transitionArticle(draft, 'publish', at));
      }
    });
  }
}

interface Measure {
  rps: number;
  p50: number;
  p99: number;
  p50one: number;
  status: string;
}

async function measure(url: string, headers: Record<string, string> = {}): Promise<Measure> {
  const run = (connections: number) =>
    autocannon({
      url,
      connections,
      duration: connections === 1 ? Math.max(3, DURATION / 2) : DURATION,
      headers,
    });
  const one = await run(1);
  const many = await run(10);
  const codes = Object.entries(many as unknown as Record<string, number>)
    .filter(([k, v]) => /^\d\d\d$/.test(k.replace('status', '')) && v > 0)
    .map(([k]) => k);
  return {
    rps: many.requests.average,
    p50: many.latency.p50,
    p99: many.latency.p99,
    p50one: one.latency.p50,
    status: `${many['2xx']} 2xx, ${many.non2xx} other${codes.length ? '' : ''}`,
  };
}

async function runBackend(label: string, databaseUrl: string, handle: DbHandle) {
  await seedArticles(handle);
  const port = 3900 + Math.floor(Math.random() * 50);
  const web = await startNode(
    ['server.js'],
    path.join(root, 'apps/web'),
    // SECRETS_KEY: required on PostgreSQL (the site stops without it); any fixed value does for a benchmark.
    {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NODE_ENV: 'production',
      SECRETS_KEY: 'bench-secrets-key-bench-secrets-key-bench',
    },
    'Site ready',
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    const articleUrl = `${base}${await latestNewsPath(handle.db)}`;
    const first = await fetch(articleUrl);
    const html = await first.text();
    const etag = first.headers.get('etag');
    const baselinePort = port + 100;
    const baseline = await startNode(
      [
        '-e',
        `const h=${JSON.stringify(html)};require('http').createServer((q,s)=>{s.writeHead(200,{'content-type':'text/html; charset=utf-8'});s.end(h)}).listen(${baselinePort},()=>console.log('ready'))`,
      ],
      root,
      {},
      'ready',
    );
    try {
      const targets: [string, string, Record<string, string>][] = [
        ['baseline (same HTML from memory)', `http://127.0.0.1:${baselinePort}/`, {}],
        ['home', `${base}/`, {}],
        ['/news?page=500', `${base}/news?page=500`, {}],
        ['article page', articleUrl, {}],
        ['search "water rights"', `${base}/search?q=water+rights`, {}],
        ['article, conditional GET → 304', articleUrl, etag ? { 'if-none-match': etag } : {}],
      ];
      const results: [string, Measure][] = [];
      for (const [name, url, headers] of targets) results.push([name, await measure(url, headers)]);
      const baseRps = results[0]![1].rps;
      console.log(`\n### ${label}\n`);
      console.log(
        '| target | req/s (10 conn.) | p50 / p99 ms (10 conn.) | p50 ms (1 conn.) | × baseline | responses |',
      );
      console.log('|---|---|---|---|---|---|');
      for (const [name, m] of results) {
        console.log(
          `| ${name} | ${Math.round(m.rps)} | ${m.p50} / ${m.p99} | ${m.p50one} | ${(m.rps / baseRps).toFixed(2)} | ${m.status} |`,
        );
      }
      if (!etag)
        console.log('\n(no ETag on the article page: the conditional GET row measured a full response)');
    } finally {
      baseline.kill();
    }
  } finally {
    web.kill();
  }
}

console.log(
  `${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · ${Math.round(totalmem() / 2 ** 30)} GB · ${ARTICLES} articles · autocannon ${DURATION}s per target`,
);

const dir = mkdtempSync(path.join(tmpdir(), 'ayni-bench-site-'));
const file = path.join(dir, 'site.db');
const sqlite = createDb(file);
try {
  await runBackend('SQLite', file, sqlite);
} finally {
  await sqlite.destroy();
  rmSync(dir, { recursive: true, force: true });
}

const admin = new pg.Client({ connectionString: PG_URL });
try {
  await admin.connect();
  const name = `ayni_bench_site_${Date.now().toString(36)}`;
  await admin.query(`create database "${name}"`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const handle = createDb(url.toString());
  try {
    await runBackend('PostgreSQL', url.toString(), handle);
  } finally {
    await handle.destroy();
    for (let i = 0; ; i++) {
      try {
        await admin.query(`drop database if exists "${name}"${i > 50 ? ' with (force)' : ''}`);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }
} catch (error) {
  console.error(`PostgreSQL skipped: ${(error as Error).message}`);
} finally {
  await admin.end().catch(() => undefined);
}
process.exit(0);
