// Partner feeds through the worker's code, on SQLite and PostgreSQL, against a real local HTTP server: the sweep
// enqueues each due feed once; the fetch job imports items, asks again with the validators and gets a 304, records
// failures on the feed with back-off while other feeds and earlier items stay, and recovers by itself.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createPartnerFeed,
  findPartnerFeed,
  listPartnerItemsOfFeed,
  listPublicPartnerItems,
  makePartnerFeedDue,
  randomIds,
  setPartnerFeedPaused,
} from '@ayni/db';
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import { fixedClock, partnerFeedInputSchema } from '@ayni/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JobContext } from './define.js';
import { fetchDuePartnerFeeds, fetchPartnerFeedJob } from './partner-feeds.js';
import type { Queue } from './queue.js';
import { outboxMailer, silentLogger } from './testing/helpers.js';
import { startProducerQueue } from './testing.js';

const clock = fixedClock('2026-11-27T09:00:00.000Z');
let t: TestDatabase;
let queue: Queue;
let server: Server;
let base: string;
/** What each path answers; requests are recorded. */
let routes: Record<string, { status: number; body: string; etag?: string }>;
let requests: { path: string; ifNoneMatch: string | undefined }[];

function rss(items: { guid: string; title: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Partner</title><link>https://partner.example/</link><description>d</description>
${items
  .map(
    (i) => `<item><guid isPermaLink="false">${i.guid}</guid><title>${i.title}</title>
<link>https://partner.example/news/${i.guid}</link><pubDate>Wed, 25 Nov 2026 10:00:00 GMT</pubDate>
<description>&lt;p&gt;About ${i.title}&lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</description></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

beforeAll(async () => {
  t = await createTestDatabase();
  queue = await startProducerQueue(t, clock);
  server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] });
    const route = routes[req.url ?? ''];
    if (!route) return res.writeHead(404).end('missing');
    if (route.etag && req.headers['if-none-match'] === route.etag) return res.writeHead(304).end();
    res.writeHead(route.status, {
      'Content-Type': 'application/rss+xml',
      ...(route.etag ? { ETag: route.etag } : {}),
    });
    res.end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.close();
  await queue?.stop(1_000);
  await t?.cleanup();
});
beforeEach(() => {
  routes = {};
  requests = [];
});

const ctx = (allowLoopback = true): JobContext => ({
  jobId: 'test',
  attempt: 1,
  db: t.db,
  dialect: t.dialect,
  clock,
  logger: silentLogger,
  queue,
  services: { mailer: outboxMailer(), feeds: { allowLoopback } },
});

async function feed(path: string, name = 'Partner') {
  return createPartnerFeed(
    t.db,
    partnerFeedInputSchema.parse({ url: `${base}${path}`, name, language: 'en' }),
    { id: randomIds.id(), now: clock.now() },
  );
}

const run = (feedId: string, force = false, c = ctx()) =>
  fetchPartnerFeedJob.handler(fetchPartnerFeedJob.payload.parse({ feedId, force }), c);

describe('partner feed fetching', () => {
  it('imports the items, then asks with the ETag and stores nothing twice', async () => {
    routes['/good.xml'] = {
      status: 200,
      etag: '"v1"',
      body: rss([
        { guid: 'a', title: 'Court hears water case' },
        { guid: 'b', title: 'Radio licence granted' },
      ]),
    };
    const f = await feed('/good.xml');
    await run(f.id);
    let items = await listPartnerItemsOfFeed(t.db, f.id);
    expect(items.map((i) => i.title).sort()).toEqual(['Court hears water case', 'Radio licence granted']);
    expect(items[0]!.summary).toMatch(/^About .+$/);
    expect(items.every((i) => !i.summary.includes('<') && !i.summary.includes('alert'))).toBe(true);

    clock.advance(30 * 60_000);
    await run(f.id);
    expect(requests.map((r) => r.ifNoneMatch)).toEqual([undefined, '"v1"']);
    const after = await findPartnerFeed(t.db, f.id);
    expect(after).toMatchObject({ consecutiveFailures: 0, lastError: null });
    expect(after!.lastFetchedAt!.toISOString()).toBe(clock.now().toISOString());

    // The partner publishes one more: only it is added.
    routes['/good.xml'] = {
      status: 200,
      etag: '"v2"',
      body: rss([
        { guid: 'c', title: 'Community assembly in Puno' },
        { guid: 'a', title: 'Court hears water case' },
      ]),
    };
    clock.advance(30 * 60_000);
    await run(f.id);
    items = await listPartnerItemsOfFeed(t.db, f.id);
    expect(items).toHaveLength(3);
  });

  it('does nothing when the feed is not due (another job fetched it); "Fetch now" fetches even a paused feed', async () => {
    routes['/once.xml'] = { status: 200, body: rss([{ guid: 'x', title: 'Once' }]) };
    const f = await feed('/once.xml');
    await Promise.all([run(f.id), run(f.id)]);
    await run(f.id);
    expect(requests).toHaveLength(1);
    await setPartnerFeedPaused(t.db, f.id, true, clock.now());
    await makePartnerFeedDue(t.db, f.id, clock.now());
    await run(f.id);
    expect(requests).toHaveLength(1);
    await run(f.id, true);
    expect(requests).toHaveLength(2);
    await setPartnerFeedPaused(t.db, f.id, false, clock.now());
  });

  it('records a failing feed, backs it off, keeps its earlier items and other feeds, and recovers', async () => {
    routes['/flaky.xml'] = { status: 200, body: rss([{ guid: 'k', title: 'Kept item' }]) };
    routes['/steady.xml'] = { status: 200, body: rss([{ guid: 's', title: 'Steady item' }]) };
    const flaky = await feed('/flaky.xml', 'Flaky');
    const steady = await feed('/steady.xml', 'Steady');
    await run(flaky.id);
    await run(steady.id);

    routes['/flaky.xml'] = { status: 500, body: 'oops' };
    clock.advance(30 * 60_000);
    await run(flaky.id);
    let state = await findPartnerFeed(t.db, flaky.id);
    expect(state?.lastError).toMatch(/HTTP 500/);
    expect(state?.lastErrorAt?.toISOString()).toBe(clock.now().toISOString());
    expect(state?.consecutiveFailures).toBe(1);
    expect((state!.nextFetchAt.getTime() - clock.now().getTime()) / 60_000).toBe(30);

    routes['/flaky.xml'] = { status: 200, body: '<html><body>Not a feed</body></html>' };
    clock.advance(30 * 60_000);
    await run(flaky.id);
    state = await findPartnerFeed(t.db, flaky.id);
    expect(state?.lastError).toMatch(/HTML page/);
    expect(state?.consecutiveFailures).toBe(2);
    expect((state!.nextFetchAt.getTime() - clock.now().getTime()) / 60_000).toBe(60);

    expect((await listPartnerItemsOfFeed(t.db, flaky.id)).map((i) => i.title)).toEqual(['Kept item']);
    expect((await listPartnerItemsOfFeed(t.db, steady.id)).map((i) => i.title)).toEqual(['Steady item']);
    expect(await findPartnerFeed(t.db, steady.id)).toMatchObject({ consecutiveFailures: 0, lastError: null });

    routes['/flaky.xml'] = { status: 200, body: rss([{ guid: 'n', title: 'Back again' }]) };
    clock.advance(60 * 60_000);
    await run(flaky.id);
    state = await findPartnerFeed(t.db, flaky.id);
    expect(state?.consecutiveFailures).toBe(0);
    expect((await listPartnerItemsOfFeed(t.db, flaky.id)).map((i) => i.title).sort()).toEqual([
      'Back again',
      'Kept item',
    ]);
  });

  it('refuses loopback unless the test setting allows it', async () => {
    routes['/local.xml'] = { status: 200, body: rss([{ guid: 'l', title: 'Local' }]) };
    const f = await feed('/local.xml');
    await run(f.id, false, ctx(false));
    expect(requests).toHaveLength(0);
    expect((await findPartnerFeed(t.db, f.id))?.lastError).toMatch(
      /127\.0\.0\.1|loopback|not allowed|refus/i,
    );
  });

  it('the sweep enqueues each due feed once, and skips paused ones', async () => {
    routes['/due.xml'] = { status: 200, body: rss([]) };
    const due = await feed('/due.xml', 'Due');
    const paused = await feed('/paused.xml', 'Paused');
    await setPartnerFeedPaused(t.db, paused.id, true, clock.now());
    await fetchDuePartnerFeeds.sweep(ctx());
    await fetchDuePartnerFeeds.sweep(ctx());
    const queued = (await queue.queued(500)).filter((j) => j.name === 'partner-feed.fetch');
    const keys = await t.db
      .selectFrom('job_idempotency_keys')
      .select(['key', 'job_id'])
      .where('job_name', '=', 'partner-feed.fetch')
      .execute();
    const jobsFor = (id: string) => keys.filter((k) => k.key.startsWith(`partner-feed:${id}:`));
    expect(jobsFor(due.id)).toHaveLength(1);
    expect(jobsFor(paused.id)).toHaveLength(0);
    // Two sweeps, one job per due feed: as many queued fetches as keys.
    expect(queued.map((j) => j.id).sort()).toEqual(keys.map((k) => k.job_id).sort());
    // Still due a quarter of an hour later (its job was lost): enqueued again rather than stuck.
    clock.advance(15 * 60_000);
    await fetchDuePartnerFeeds.sweep(ctx());
    const again = await t.db
      .selectFrom('job_idempotency_keys')
      .select('key')
      .where('key', 'like', `partner-feed:${due.id}:%`)
      .execute();
    expect(again).toHaveLength(2);
  });

  it('shows imported items to the site, newest first, with the source name', async () => {
    const items = await listPublicPartnerItems(t.db, { language: 'en', limit: 100 });
    expect(items.some((i) => i.title === 'Back again' && i.source.name === 'Flaky')).toBe(true);
  });
});
