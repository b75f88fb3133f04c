// Partner feeds in the worker: the sweeper enqueues a fetch for every feed whose time has come, and the fetch job
// does a conditional GET (safe against SSRF, size- and time-limited), parses the feed, keeps the usable items and
// records the outcome on the feed — a failure is recorded and backs the feed off; it never touches other feeds or
// items already stored. The network work happens outside any transaction; the result is stored in one.
import {
  claimPartnerFeed,
  listDuePartnerFeeds,
  nobody,
  partnerFeedRepository,
  randomIds,
  recordPartnerFeedFailure,
  recordPartnerFeedNotModified,
  runUnitOfWork,
} from '@ayni/db';
import { normalisePartnerItems, storePartnerFeedFetch } from '@ayni/domain';
import { htmlToText } from '@ayni/domain/markdown';
import { z } from 'zod';
import { defineJob } from './define.js';
import { FeedFetchError, FeedParseError, fetchFeed, parseFeed } from './partners/index.js';
import type { Sweeper } from './sweep.js';

export const fetchPartnerFeedJob = defineJob({
  name: 'partner-feed.fetch',
  title: 'Fetch a partner feed',
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
    const started = ctx.clock.now();
    // Of two jobs for one feed (overlapping sweeps, "Fetch now"), one claims it; the other has nothing to do.
    const feed = await claimPartnerFeed(ctx.db, feedId, started, { force });
    if (!feed) return;
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
        await recordPartnerFeedNotModified(ctx.db, feed.id, feed.url, ctx.clock.now());
      } else {
        const parsed = parseFeed(response.body, response.contentType, response.finalUrl);
        const { items, warnings } = normalisePartnerItems(parsed.items, ctx.clock.now(), htmlToText);
        if (parsed.items.length > 0 && items.length === 0) {
          throw new FeedParseError(`None of the feed's items could be used: ${warnings.join('; ')}`);
        }
        const { added } = (
          await runUnitOfWork(ctx.db, { clock: ctx.clock, actor: nobody }, (trx) =>
            storePartnerFeedFetch(
              { feeds: partnerFeedRepository(trx), clock: ctx.clock, ids: randomIds },
              {
                feedId: feed.id,
                url: feed.url,
                fetched: { etag: response.etag, lastModified: response.lastModified, items, warnings },
              },
            ),
          )
        ).result;
        outcome = {
          kind: 'fetched',
          etag: response.etag,
          lastModified: response.lastModified,
          count: items.length,
          added,
        };
      }
    } catch (err) {
      if (err instanceof FeedFetchError || err instanceof FeedParseError) {
        outcome = { kind: 'failed', message: err.message };
        await recordPartnerFeedFailure(ctx.db, feed.id, feed.url, err.message, ctx.clock.now());
      } else {
        // Our own fault (the database, a bug): staff still see it on the feed, and the feed backs off rather than
        // being fetched again and again; the job fails too, so the Jobs page shows it.
        const message = `Ayni could not store this feed's items: ${err instanceof Error ? err.message : String(err)}`;
        await recordPartnerFeedFailure(ctx.db, feed.id, feed.url, message, ctx.clock.now()).catch(() => {});
        throw err;
      }
    }
    ctx.logger.info(
      { feedId, url: feed.url, ms: ctx.clock.now().getTime() - started.getTime(), ...outcome },
      'Fetched a partner feed',
    );
  },
});

/** A feed still due this long after its due time (its job failed for good, or was cancelled) gets another. */
const REENQUEUE_AFTER_MS = 15 * 60_000;

/**
 * Enqueues a fetch for each due feed: once per due time, and once more for each quarter of an hour it stays due, so
 * overlapping sweeps enqueue it once and a fetch job lost before it claimed the feed is replaced rather than
 * leaving the feed due for ever. (A spare job does nothing: only one job can claim a due feed.)
 */
export const fetchDuePartnerFeeds: Sweeper = {
  name: 'fetch-due-partner-feeds',
  does: 'fetch the partner feeds that are due',
  async sweep(ctx) {
    const now = ctx.clock.now();
    for (const feed of await listDuePartnerFeeds(ctx.db, now)) {
      const window = Math.floor((now.getTime() - feed.nextFetchAt.getTime()) / REENQUEUE_AFTER_MS);
      await ctx.queue.enqueue(
        ctx.db,
        fetchPartnerFeedJob,
        { feedId: feed.id },
        { idempotencyKey: `partner-feed:${feed.id}:${feed.nextFetchAt.toISOString()}:${window}` },
      );
    }
  },
};
