// Partner feeds in storage, on SQLite and PostgreSQL: de-duplication per feed, back-off bookkeeping, what the
// site lists, and that a failure inside a transaction leaves the feed and its items as they were.
import {
  DomainError,
  addPartnerFeed,
  changePartnerFeed,
  fixedClock,
  partnerFeedInputSchema,
  removePartnerFeed,
  type Change,
  type NewPartnerItem,
  storePartnerFeedFetch,
  type PartnerFeedPorts,
} from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from './ids.js';
import {
  claimPartnerFeed,
  countPublicPartnerItems,
  createPartnerFeed,
  deletePartnerFeed,
  findPartnerFeed,
  listDuePartnerFeeds,
  listPartnerFeeds,
  listPartnerItemsOfFeed,
  listPublicPartnerItems,
  recordPartnerFeedFailure,
  recordPartnerFeedFetched,
  recordPartnerFeedNotModified,
  partnerFeedRepository,
  setPartnerFeedPaused,
  updatePartnerFeed,
} from './repositories/partners.js';
import { topicRepository } from './repositories/topics.js';
import { nobody, runUnitOfWork } from './unit-of-work.js';
import { dashboardCounts } from './repositories/dashboard.js';
import { contentVersion } from './repositories/settings.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

const now = new Date('2026-11-27T12:00:00.000Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.cleanup();
});

function input(over: Record<string, unknown> = {}) {
  return partnerFeedInputSchema.parse({
    url: `https://partner-${randomIds.id()}.example/feed.xml`,
    name: 'Partner',
    language: 'en',
    ...over,
  });
}

/** Runs a partner-feed use case in its unit of work on the test database (fetches asked for are not queued). */
async function feedWork<T>(work: (ports: PartnerFeedPorts) => Promise<Change<T>>, at = now): Promise<T> {
  const clock = fixedClock(at.toISOString());
  const { result } = await runUnitOfWork(t.db, { clock, actor: nobody }, (trx) =>
    work({
      feeds: partnerFeedRepository(trx),
      topics: topicRepository(trx),
      clock,
      ids: randomIds,
      fetchSoon: async () => {},
    }),
  );
  return result;
}

function item(n: number, over: Partial<NewPartnerItem> = {}): NewPartnerItem {
  return {
    key: `guid-${n}`,
    link: `https://partner.example/news/${n}`,
    title: `Item ${n}`,
    summary: `Summary ${n}`,
    author: null,
    publishedAt: new Date(now.getTime() - n * 3_600_000),
    ...over,
  };
}

describe('partner feeds', () => {
  it('creates a feed due at once, with its topics, and refuses a second feed at the same address', async () => {
    // Through the use case, as staff do: it turns the typed topic into its slug.
    const feed = await feedWork((ports) => addPartnerFeed(ports, input({ topics: ['Water Rights'] })));
    expect(feed).toMatchObject({ paused: false, topics: ['water-rights'], consecutiveFailures: 0 });
    expect(feed.nextFetchAt.toISOString()).toBe(now.toISOString());
    await expect(
      createPartnerFeed(t.db, input({ url: feed.url }), { id: randomIds.id(), now }),
    ).rejects.toMatchObject({ code: 'CONFLICT', field: 'url' });
  });

  it('stores new items once per feed key, and counts them', async () => {
    const feed = await createPartnerFeed(t.db, input(), { id: randomIds.id(), now });
    const before = await contentVersion(t.db);
    // Through the worker's use case in its unit of work: that is what marks the partner items changed.
    const fetched = (items: NewPartnerItem[]) => ({ etag: 'W/"1"', lastModified: null, items, warnings: [] });
    const first = await feedWork((ports) =>
      storePartnerFeedFetch(ports, { feedId: feed.id, url: feed.url, fetched: fetched([item(1), item(2)]) }),
    );
    expect(first.added).toBe(2);
    const afterFirst = await contentVersion(t.db);
    expect(afterFirst).not.toBe(before);
    // Nothing new: the site's pages stay as they are.
    const again = await feedWork((ports) =>
      storePartnerFeedFetch(ports, { feedId: feed.id, url: feed.url, fetched: fetched([item(1)]) }),
    );
    expect(again.added).toBe(0);
    expect(await contentVersion(t.db)).toBe(afterFirst);
    const second = await recordPartnerFeedFetched(
      t.db,
      feed.id,
      feed.url,
      {
        etag: 'W/"2"',
        lastModified: 'Fri, 27 Nov 2026 12:00:00 GMT',
        items: [item(2, { title: 'Changed title' }), item(3)],
        warnings: ['1 item has no web link and was skipped'],
      },
      { now: later(30), newId: randomIds.id },
    );
    expect(second.added).toBe(1);
    const items = await listPartnerItemsOfFeed(t.db, feed.id);
    expect(items.map((i) => i.title)).toEqual(['Item 1', 'Item 2', 'Item 3']);
    const stored = await findPartnerFeed(t.db, feed.id);
    expect(stored).toMatchObject({
      etag: 'W/"2"',
      lastModified: 'Fri, 27 Nov 2026 12:00:00 GMT',
      lastWarning: '1 item has no web link and was skipped',
    });
    expect(stored!.lastNewItemAt!.toISOString()).toBe(later(30).toISOString());
    expect(stored!.nextFetchAt.toISOString()).toBe(later(60).toISOString());
    const listed = (await listPartnerFeeds(t.db)).find((f) => f.id === feed.id);
    expect(listed?.itemCount).toBe(3);
    // The same key in another feed is another item.
    const other = await createPartnerFeed(t.db, input(), { id: randomIds.id(), now });
    expect(
      (
        await recordPartnerFeedFetched(
          t.db,
          other.id,
          other.url,
          { etag: null, lastModified: null, items: [item(1)], warnings: [] },
          { now, newId: randomIds.id },
        )
      ).added,
    ).toBe(1);
  });

  it('backs off after failures (30 min, 1 h, 2 h…), keeps the error, and recovers on the next success', async () => {
    const bystander = await createPartnerFeed(t.db, input(), { id: randomIds.id(), now });
    const feed = await createPartnerFeed(t.db, input(), { id: randomIds.id(), now });
    await recordPartnerFeedFailure(t.db, feed.id, feed.url, 'The server answered HTTP 500', now);
    await recordPartnerFeedFailure(t.db, feed.id, feed.url, 'The server answered HTTP 502', later(30));
    let stored = await findPartnerFeed(t.db, feed.id);
    expect(stored).toMatchObject({ consecutiveFailures: 2, lastError: 'The server answered HTTP 502' });
    expect(stored!.lastErrorAt!.toISOString()).toBe(later(30).toISOString());
    expect(stored!.nextFetchAt.toISOString()).toBe(later(90).toISOString());
    // Another feed is not touched by this one's failures.
    expect(await findPartnerFeed(t.db, bystander.id)).toMatchObject({
      consecutiveFailures: 0,
      lastError: null,
    });
    expect((await listDuePartnerFeeds(t.db, later(89))).some((f) => f.id === feed.id)).toBe(false);
    expect((await listDuePartnerFeeds(t.db, later(90))).some((f) => f.id === feed.id)).toBe(true);
    await recordPartnerFeedNotModified(t.db, feed.id, feed.url, later(90));
    stored = await findPartnerFeed(t.db, feed.id);
    expect(stored).toMatchObject({ consecutiveFailures: 0, lastError: 'The server answered HTTP 502' });
    expect(stored!.nextFetchAt.toISOString()).toBe(later(120).toISOString());
  });

  it('lets one fetch at a time claim a due feed, and skips paused feeds unless forced', async () => {
    const feed = await createPartnerFeed(t.db, input(), { id: randomIds.id(), now });
    const claims = await Promise.all([
      claimPartnerFeed(t.db, feed.id, now),
      claimPartnerFeed(t.db, feed.id, now),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    // A claim that never reports back (a crashed worker) expires: the feed is due again 5 minutes later.
    expect(await claimPartnerFeed(t.db, feed.id, later(4))).toBeNull();
    expect(await claimPartnerFeed(t.db, feed.id, later(5))).not.toBeNull();
    const paused = await createPartnerFeed(t.db, input(), { id: randomIds.id(), now });
    await setPartnerFeedPaused(t.db, paused.id, true, now);
    expect(await claimPartnerFeed(t.db, paused.id, now)).toBeNull();
    expect(await claimPartnerFeed(t.db, paused.id, now, { force: true })).not.toBeNull();
  });

  it('files nothing under a feed whose address changed while it was being fetched', async () => {
    const feed = await createPartnerFeed(t.db, input(), { id: randomIds.id(), now });
    await updatePartnerFeed(
      t.db,
      feed.id,
      input({ url: `https://moved-${randomIds.id()}.example/feed` }),
      now,
    );
    const result = await recordPartnerFeedFetched(
      t.db,
      feed.id,
      feed.url,
      { etag: 'old', lastModified: null, items: [item(1, { key: 'moved-1' })], warnings: [] },
      { now, newId: randomIds.id },
    );
    expect(result.added).toBe(0);
    await recordPartnerFeedFailure(t.db, feed.id, feed.url, 'The server answered HTTP 500', now);
    await recordPartnerFeedNotModified(t.db, feed.id, feed.url, now);
    expect(await listPartnerItemsOfFeed(t.db, feed.id)).toEqual([]);
    expect(await findPartnerFeed(t.db, feed.id)).toMatchObject({
      etag: null,
      lastError: null,
      lastFetchedAt: null,
      consecutiveFailures: 0,
    });
  });

  it('counts feeds, failing ones and paused ones for the dashboard', async () => {
    const before = (await dashboardCounts(t.db, now)).partnerFeeds;
    const failing = await createPartnerFeed(t.db, input(), { id: randomIds.id(), now });
    await recordPartnerFeedFailure(t.db, failing.id, failing.url, 'The server answered HTTP 500', now);
    const paused = await createPartnerFeed(t.db, input(), { id: randomIds.id(), now });
    await recordPartnerFeedFailure(t.db, paused.id, paused.url, 'The server answered HTTP 500', now);
    await setPartnerFeedPaused(t.db, paused.id, true, now);
    const after = (await dashboardCounts(t.db, now)).partnerFeeds;
    expect(after).toEqual({
      total: before.total + 2,
      failing: before.failing + 1,
      paused: before.paused + 1,
    });
  });

  it('does not fetch paused feeds; resuming makes a feed due at once', async () => {
    const feed = await createPartnerFeed(t.db, input(), { id: randomIds.id(), now });
    await setPartnerFeedPaused(t.db, feed.id, true, now);
    expect((await listDuePartnerFeeds(t.db, later(60))).some((f) => f.id === feed.id)).toBe(false);
    await recordPartnerFeedNotModified(t.db, feed.id, feed.url, now);
    const resumed = await setPartnerFeedPaused(t.db, feed.id, false, later(5));
    expect(resumed.nextFetchAt.toISOString()).toBe(later(5).toISOString());
  });

  it('lists items for the site by language, newest first, with the source', async () => {
    const es = await createPartnerFeed(t.db, input({ language: 'es', name: 'Red Andina' }), {
      id: randomIds.id(),
      now,
    });
    await recordPartnerFeedFetched(
      t.db,
      es.id,
      es.url,
      {
        etag: null,
        lastModified: null,
        items: [item(5, { key: 'es-5' }), item(4, { key: 'es-4' })],
        warnings: [],
      },
      { now, newId: randomIds.id },
    );
    const spanish = await listPublicPartnerItems(t.db, { language: 'es', limit: 10 });
    expect(spanish.map((i) => [i.title, i.source.name])).toEqual([
      ['Item 4', 'Red Andina'],
      ['Item 5', 'Red Andina'],
    ]);
    expect(await countPublicPartnerItems(t.db, { language: 'es' })).toBe(2);
    expect(await countPublicPartnerItems(t.db)).toBeGreaterThan(2);
  });

  it('renames and deletes feeds (items go with them), changing the content version', async () => {
    const feed = await createPartnerFeed(t.db, input(), { id: randomIds.id(), now });
    await recordPartnerFeedFetched(
      t.db,
      feed.id,
      feed.url,
      { etag: 'x', lastModified: null, items: [item(9, { key: 'del-9' })], warnings: [] },
      { now, newId: randomIds.id },
    );
    const v1 = await contentVersion(t.db);
    // Through the use cases in their unit of work, as staff do: that is what marks the site changed.
    const moved = await feedWork(
      (ports) =>
        changePartnerFeed(ports, {
          id: feed.id,
          ...input({ name: 'Renamed', url: 'https://moved.example/feed' }),
        }),
      later(1),
    );
    expect(moved).toMatchObject({ name: 'Renamed', etag: null });
    expect(await contentVersion(t.db)).not.toBe(v1);
    await feedWork((ports) => removePartnerFeed(ports, { id: feed.id }));
    expect(await findPartnerFeed(t.db, feed.id)).toBeNull();
    expect(await listPartnerItemsOfFeed(t.db, feed.id)).toEqual([]);
    await expect(deletePartnerFeed(t.db, feed.id)).rejects.toBeInstanceOf(DomainError);
  });

  it('leaves everything as it was when a fetch fails halfway through its transaction', async () => {
    const feed = await createPartnerFeed(t.db, input(), { id: randomIds.id(), now });
    await expect(
      t.db.transaction().execute(async (trx) => {
        await recordPartnerFeedFetched(
          trx,
          feed.id,
          feed.url,
          { etag: 'new', lastModified: null, items: [item(1, { key: 'tx-1' })], warnings: [] },
          { now, newId: randomIds.id },
        );
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await listPartnerItemsOfFeed(t.db, feed.id)).toEqual([]);
    expect((await findPartnerFeed(t.db, feed.id))?.etag).toBeNull();
  });
});
