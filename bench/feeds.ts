// pnpm --filter @ayni/bench run bench:feeds — importing partner feeds, on SQLite and on PostgreSQL, in one run.
// A local HTTP server (in this process) serves a 1,000-item RSS 2.0 feed with an ETag. For each database:
//   1. first import: the fetch job fetches, parses, sanitises and stores 1,000 new items (fresh feed each round);
//   2. second fetch, answered 304 (the job sends the ETag it kept): nothing parsed or stored;
//   3. for comparison, a second fetch of an unchanged feed from a server that ignores ETags (parse, 0 new items).
// Each is the median of BENCH_ROUNDS rounds (default 5). Prints a Markdown table for bench/README.md.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, totalmem } from 'node:os';
import {
  countPublicPartnerItems,
  createPartnerFeed,
  makePartnerFeedDue,
  migrateToLatest,
  randomIds,
} from '@ayni/db';
import { partnerFeedInputSchema, systemClock } from '@ayni/domain';
import { createMailer, fetchPartnerFeedJob, type JobContext } from '@ayni/jobs';
import pino from 'pino';
import { postgresTarget, sqliteTarget } from './targets.js';

const ITEMS = Number(process.env.BENCH_FEED_ITEMS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const logger = pino({ level: 'silent' });

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function feedXml(round: number): string {
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const date = new Date(Date.UTC(2026, 10, 27) - i * 3_600_000).toUTCString();
    items.push(`<item>
  <guid isPermaLink="false">round-${round}-item-${i}</guid>
  <title>Partner report ${i}: water, land and rights in the Andes</title>
  <link>https://partner.example/reports/${round}/${i}</link>
  <pubDate>${date}</pubDate>
  <dc:creator>Reporter ${i % 17}</dc:creator>
  <description>${escapeXml(`<p>Report <b>${i}</b> from our partners: communities in Puno and Cajamarca ask for clean water, land titles and a say in mining concessions. <a href="https://partner.example/reports/${i}">Read more</a></p>`)}</description>
</item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Partner news</title><link>https://partner.example/</link><description>Bench feed</description>
${items.join('\n')}
</channel></rss>`;
}

const bodies = new Map<number, string>();
const server = createServer((req, res) => {
  const match = /^\/(etag|plain)\/(\d+)\.xml$/.exec(req.url ?? '');
  if (!match) return res.writeHead(404).end();
  const round = Number(match[2]);
  const body = bodies.get(round) ?? feedXml(round);
  bodies.set(round, body);
  const etag = `"round-${round}"`;
  if (match[1] === 'etag' && req.headers['if-none-match'] === etag) return res.writeHead(304).end();
  res.writeHead(200, {
    'Content-Type': 'application/rss+xml; charset=utf-8',
    ...(match[1] === 'etag' ? { ETag: etag } : {}),
  });
  res.end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const rows: string[] = [];
for (const make of [sqliteTarget, postgresTarget]) {
  const target = await make();
  if (!target) continue;
  try {
    const db = target.handle.db;
    await migrateToLatest(db);
    const ctx: JobContext = {
      jobId: 'bench',
      attempt: 1,
      db,
      dialect: target.handle.dialect,
      clock: systemClock,
      logger,
      queue: null as never,
      services: {
        mailer: createMailer({ outboxDir: '/nonexistent', logger }),
        feeds: { allowLoopback: true },
      },
    };
    const run = async (feedId: string) => {
      // As "Fetch now" does: make it due, so the job claims it (the job skips a feed that is not due).
      await makePartnerFeedDue(db, feedId, systemClock.now());
      const started = performance.now();
      await fetchPartnerFeedJob.handler({ feedId, force: true }, ctx);
      return performance.now() - started;
    };
    const first: number[] = [];
    const notModified: number[] = [];
    const unchanged: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const add = (kind: string) =>
        createPartnerFeed(
          db,
          partnerFeedInputSchema.parse({
            url: `${base}/${kind}/${round}.xml`,
            name: `Bench ${kind} ${round}`,
            language: 'en',
          }),
          { id: randomIds.id(), now: systemClock.now() },
        );
      const withEtag = await add('etag');
      first.push(await run(withEtag.id));
      notModified.push(await run(withEtag.id));
      const plain = await add('plain');
      await run(plain.id);
      unchanged.push(await run(plain.id));
    }
    const stored = await countPublicPartnerItems(db);
    if (stored !== ITEMS * ROUNDS * 2)
      throw new Error(`expected ${ITEMS * ROUNDS * 2} items, found ${stored}`);
    rows.push(
      `| ${target.label} | ${median(first).toFixed(0)} ms (${Math.round(ITEMS / (median(first) / 1000))} items/s) | ${median(notModified).toFixed(1)} ms | ${median(unchanged).toFixed(0)} ms |`,
    );
    console.error(`${target.label}: done`);
  } finally {
    await target.handle.destroy();
    await target.drop();
  }
}
server.close();

const size = (Buffer.byteLength(feedXml(0)) / 1024).toFixed(0);
console.log(
  `${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model.trim()} · ${Math.round(totalmem() / 2 ** 30)} GB · ${ITEMS}-item RSS feed (${size} KB), median of ${ROUNDS} rounds\n`,
);
console.log(
  '| database | first import (fetch, parse, sanitise, store) | second fetch → 304 | unchanged feed without ETag (parse, 0 new) |',
);
console.log('|---|---|---|---|');
for (const r of rows) console.log(r);
