// Partner feeds in the worker: the sweeper enqueues a fetch for every feed whose time has come, and the fetch job
// does a conditional GET (safe against SSRF, size- and time-limited), parses the feed, keeps the usable items and
// records the outcome on the feed — a failure is recorded and backs the feed off; it never touches other feeds or
// items already stored. The network work happens outside any transaction; the result is stored in one.
import {
  findPartnerFeed,
  listDuePartnerFeeds,
  randomIds,
  recordPartnerFeedFailure,
  recordPartnerFeedFetched,
  recordPartnerFeedNotModified,
} from '@ayni/db';
import { isFeedDue, normalisePartnerItems } from '@ayni/domain';
import { htmlToText } from '@ayni/domain/markdown';
import { z } from 'zod';
import { defineJob } from './define.js';
import { FeedFetchError, FeedParseError, fetchFeed, parseFeed } from './partners/index.js';
import type { Sweeper } from './sweep.js';

export const fetchPartnerFeedJob = defineJob({
  name: 'partner-feed.fetch',
  payload: z.object({
    feedId: z.string().min(1),
    /** "Fetch now" from the admin: fetch even if paused or not yet due. */
    force: z.boolean().default(false),
  }),
  // Feed problems are recorded on the feed and retried by its own schedule; a retry here is for our own faults.
  retry: { attempts: 2, backoffSeconds: 30 },
  timeoutSeconds: 60,
  concurrency: 4,
  async handler({ feedId, force }, ctx) {
    const feed = await findPartnerFeed(ctx.db, feedId);
    if (!feed) return;
    const started = ctx.clock.now();
    // Another run (a second worker, an overlapping sweep) fetched it already: nothing to do.
    if (!force && !isFeedDue(feed, started)) return;
    const allowLoopback = ctx.services.feeds?.allowLoopback ?? false;
    let outcome:
      | { kind: 'not-modified' }
      | { kind: 'fetched'; etag: string | null; lastModified: string | null; count: number; added: number }
      | { kind: 'failed'; message: string };
    try {
      const response = await fetchFeed(feed.url, {
        etag: feed.etag,
        lastModified: feed.lastModified,
        allowLoopback,
      });
      if (response.status === 'not-modified') {
        outcome = { kind: 'not-modified' };
        await recordPartnerFeedNotModified(ctx.db, feed.id, ctx.clock.now());
      } else {
        const parsed = parseFeed(response.body, response.contentType, response.finalUrl);
        const { items, warnings } = normalisePartnerItems(parsed.items, ctx.clock.now(), htmlToText);
        if (parsed.items.length > 0 && items.length === 0) {
          throw new FeedParseError(`None of the feed's items could be used: ${warnings.join('; ')}`);
        }
        const { added } = await ctx.db
          .transaction()
          .execute((trx) =>
            recordPartnerFeedFetched(
              trx,
              feed.id,
              { etag: response.etag, lastModified: response.lastModified, items, warnings },
              ctx.clock.now(),
              randomIds.id,
            ),
          );
        outcome = {
          kind: 'fetched',
          etag: response.etag,
          lastModified: response.lastModified,
          count: items.length,
          added,
        };
      }
    } catch (err) {
      if (!(err instanceof FeedFetchError || err instanceof FeedParseError)) throw err;
      outcome = { kind: 'failed', message: err.message };
      await recordPartnerFeedFailure(ctx.db, feed.id, err.message, ctx.clock.now());
    }
    ctx.logger.info(
      { feedId, url: feed.url, ms: ctx.clock.now().getTime() - started.getTime(), ...outcome },
      'Fetched a partner feed',
    );
  },
});

/** A feed still due this long after its fetch was enqueued (the job failed for good, or was cancelled) gets another. */
const REENQUEUE_AFTER_MS = 15 * 60_000;

/**
 * Enqueues a fetch for each due feed: once per due time and quarter of an hour, so overlapping sweeps enqueue it
 * once, and a fetch job lost to our own failure is replaced rather than leaving the feed due for ever. (A spare
 * job does nothing: the handler skips a feed that is no longer due.)
 */
export const fetchDuePartnerFeeds: Sweeper = {
  name: 'fetch-due-partner-feeds',
  async sweep(ctx) {
    const now = ctx.clock.now();
    const window = Math.floor(now.getTime() / REENQUEUE_AFTER_MS);
    for (const feed of await listDuePartnerFeeds(ctx.db, now)) {
      await ctx.queue.enqueue(
        ctx.db,
        fetchPartnerFeedJob,
        { feedId: feed.id },
        { idempotencyKey: `partner-feed:${feed.id}:${feed.nextFetchAt.toISOString()}:${window}` },
      );
    }
  },
};
