// pnpm --filter @ayni/bench run bench:events — the calendar feed /events.ics with 1,000 upcoming events (issue 14's
// "Performance"), on SQLite and on PostgreSQL. For each database: the demo content plus BENCH_EVENTS (1,000) upcoming
// events in English and Spanish, the production build of the site (apps/web/server.js), then over HTTP:
//   1. from the page cache: GET /events.ics as a calendar app polls it (no validator), median and p99 with one
//      connection, and requests/s with 10; each answer checked (200, X-Cache: hit, 1,000 VEVENTs);
//   2. cold: the content changes before each request (markSiteChanged, as any publish does), so every request reads
//      the events and writes the whole file again — median of BENCH_COLD_ROUNDS (20) requests one after another;
//   3. a conditional GET answered 304.
// Target: median under 50 ms from the cache. Prints a Markdown table for bench/README.md, with the machine's load.
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { insertEvent, markSiteChanged, migrateToLatest, randomIds, seedDemo, type DbHandle } from '@ayni/db';
import { systemClock, type Event } from '@ayni/domain';
import autocannon from 'autocannon';
import { startNode } from './processes.js';
import { postgresTarget, sqliteTarget, type Target } from './targets.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const COLD_ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 20);
const SECRETS_KEY = 'bench-secrets-key-bench-secrets-key-bench';
const root = path.resolve(import.meta.dirname, '..');
const zones = ['Europe/London', 'America/Lima'];

/** BENCH_EVENTS events, one every 6 hours from tomorrow, in London and Lima, half with a venue and a stream. */
async function seedEvents(db: DbHandle['db']): Promise<void> {
  const now = systemClock.now();
  const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 18);
  for (let i = 0; i < EVENTS; i += 250) {
    await db.transaction().execute(async (trx) => {
      for (let j = i; j < Math.min(EVENTS, i + 250); j++) {
        const startsAt = new Date(first + j * 6 * 3_600_000);
        const event: Event = {
          id: randomIds.id(),
          startsAt,
          endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
          timeZone: zones[j % zones.length]!,
          venue: j % 2 === 0 ? { name: `Hall ${j % 17}`, address: `${j} Red Lion Square, London` } : null,
          onlineUrl: j % 2 === 0 ? null : `https://stream.example.org/bench-${j}`,
          accessibility: '',
          accessibilityFacts: ['step-free'],
          capacity: 80,
          registrationOpen: true,
          registrationMode: 'here',
          registrationUrl: null,
          registrationOpensAt: null,
          registrationClosesAt: null,
          sequence: j % 4,
          previousStartsAt: null,
          status: j % 50 === 49 ? 'cancelled' : 'published',
          campaignId: null,
          translations: {
            en: {
              slug: `bench-talk-${j}`,
              title: `Bench talk ${j}: water, land and rights`,
              summary: `A talk and questions, with partners from Puno and Cajamarca (${j}).`,
              body: '',
            },
            es: {
              slug: `charla-de-prueba-${j}`,
              title: `Charla de prueba ${j}: agua, tierra y derechos`,
              summary: `Una charla con preguntas, con socios de Puno y Cajamarca (${j}).`,
              body: '',
            },
          },
          createdAt: now,
          updatedAt: now,
        };
        await insertEvent(trx, event);
      }
    });
  }
  await markSiteChanged(db, ['events']);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** One GET of the feed: its time in ms, and what came back, checked. */
async function getFeed(url: string, expectCache: 'hit' | 'miss'): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  const ms = performance.now() - started;
  const vevents = body.split('BEGIN:VEVENT').length - 1;
  const cache = response.headers.get('x-cache');
  if (response.status !== 200 || cache !== expectCache || vevents < EVENTS) {
    throw new Error(
      `${url}: ${response.status}, X-Cache ${cache}, ${vevents} VEVENTs (wanted ${expectCache})`,
    );
  }
  return ms;
}

interface Row {
  label: string;
  bytes: number;
  cachedFetch: number;
  cachedP50: number;
  cachedP99: number;
  cachedRps: number;
  non2xx: number;
  cold: number;
  coldMax: number;
  notModifiedP50: number;
}

async function run(target: Target): Promise<Row> {
  const { handle } = target;
  await migrateToLatest(handle.db);
  await seedDemo(handle.db, { clock: systemClock, ids: randomIds });
  await seedEvents(handle.db);
  const port = 3960 + Math.floor(Math.random() * 30);
  const origin = `http://127.0.0.1:${port}`;
  const web = await startNode(
    ['server.js'],
    path.join(root, 'apps/web'),
    {
      DATABASE_URL: target.url,
      PORT: String(port),
      NODE_ENV: 'production',
      SECRETS_KEY,
      SITE_URL: origin,
    },
    'Site ready',
  );
  const url = `${origin}/events.ics`;
  try {
    // 2. Cold first (each request after a content change renders the whole feed).
    const cold: number[] = [];
    for (let i = 0; i < COLD_ROUNDS; i++) {
      await markSiteChanged(handle.db, ['events']);
      cold.push(await getFeed(url, 'miss'));
    }
    // 1. From the page cache: the copy the last cold request left.
    await getFeed(url, 'hit');
    const first = await fetch(url);
    const bytes = (await first.arrayBuffer()).byteLength;
    // One request after another, each to its last byte (autocannon below measures the same under load).
    const sequential: number[] = [];
    for (let i = 0; i < 50; i++) sequential.push(await getFeed(url, 'hit'));
    const one = await autocannon({ url, connections: 1, duration: Math.max(3, SECONDS / 2) });
    const many = await autocannon({ url, connections: 10, duration: SECONDS });
    await getFeed(url, 'hit');
    // 3. A calendar app that kept the ETag.
    const etag = first.headers.get('etag')!;
    const notModified = await autocannon({
      url,
      connections: 1,
      duration: 3,
      headers: { 'if-none-match': etag },
    });
    if (notModified['2xx'] !== 0) throw new Error('the conditional GET answered 2xx, not 304');
    return {
      label: target.label,
      bytes,
      cachedFetch: median(sequential),
      cachedP50: one.latency.p50,
      cachedP99: one.latency.p99,
      cachedRps: many.requests.average,
      non2xx: one.non2xx + many.non2xx,
      cold: median(cold),
      coldMax: Math.max(...cold),
      notModifiedP50: notModified.latency.p50,
    };
  } finally {
    await web.stop();
  }
}

const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(' / ');
const rows: Row[] = [];
for (const make of [sqliteTarget, postgresTarget]) {
  const target = await make();
  if (!target) continue;
  try {
    console.error(`${target.label}: seeding ${EVENTS} events and measuring`);
    rows.push(await run(target));
  } finally {
    await target.handle.destroy();
    await target.drop();
  }
}

console.log(
  `${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'} · ${Math.round(totalmem() / 2 ** 30)} GB · load average (1/5/15 min) at the start ${load}, at the end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')} · /events.ics with ${EVENTS} upcoming events\n`,
);
console.log(
  '| database | feed size | from the page cache: median ms, 50 GETs one after another (whole body) | autocannon p50 / p99 ms (1 conn.) | req/s (10 conn.) | cold (content changed before each): median / max ms | conditional GET → 304: p50 ms |',
);
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.label} | ${(r.bytes / 1024).toFixed(0)} KB | ${r.cachedFetch.toFixed(1)} | ${r.cachedP50} / ${r.cachedP99} | ${Math.round(r.cachedRps)}${r.non2xx ? ` (${r.non2xx} not 2xx)` : ''} | ${r.cold.toFixed(0)} / ${r.coldMax.toFixed(0)} | ${r.notModifiedP50} |`,
  );
}
process.exit(0);
