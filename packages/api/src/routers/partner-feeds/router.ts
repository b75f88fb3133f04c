// Partner feeds in the admin: add, change, pause/resume, fetch now and remove feeds (feed:edit), see each feed's
// health and items (feed:view), and turn an item into a draft article (article:edit) that credits the source.
import {
  articleRepository,
  createPartnerFeed,
  deletePartnerFeed,
  findPartnerFeed,
  findPartnerItem,
  listPartnerFeeds,
  listPartnerItemsOfFeed,
  lockPartnerItem,
  makePartnerFeedDue,
  randomIds,
  setPartnerFeedPaused,
  setPartnerItemDraft,
  updatePartnerFeed,
  type Database,
} from '@ayni/db';
import {
  DomainError,
  createArticle,
  draftFromPartnerItem,
  partnerFeedHealth,
  partnerFeedInputSchema,
  type PartnerFeed,
} from '@ayni/domain';
import { fetchPartnerFeedJob } from '@ayni/jobs';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { audit, permitted, router, type ApiContext } from '../../trpc.js';

const idInput = z.object({ id: z.string().min(1) });

/** Thrown to roll back a draft when another request recorded one for the same item first. */
class DraftRace extends Error {}

/** What the feeds page shows: health in a word, and every date as ISO text. */
function toView(feed: PartnerFeed & { itemCount?: number }) {
  return {
    id: feed.id,
    url: feed.url,
    name: feed.name,
    language: feed.language,
    topics: feed.topics,
    paused: feed.paused,
    health: partnerFeedHealth(feed),
    nextFetchAt: feed.nextFetchAt.toISOString(),
    lastFetchedAt: feed.lastFetchedAt?.toISOString() ?? null,
    lastNewItemAt: feed.lastNewItemAt?.toISOString() ?? null,
    lastError: feed.lastError,
    lastErrorAt: feed.lastErrorAt?.toISOString() ?? null,
    consecutiveFailures: feed.consecutiveFailures,
    lastWarning: feed.lastWarning,
    itemCount: feed.itemCount ?? null,
  };
}

/**
 * One staff change to a feed, in one transaction: the change, a fetch queued at once when asked (it runs only if
 * the change commits), and the audit entry.
 */
function changeFeed(
  ctx: Pick<ApiContext, 'handle' | 'clock' | 'session' | 'queue'>,
  change: (trx: Kysely<Database>) => Promise<PartnerFeed>,
  record: { action: string; summary: (feed: PartnerFeed) => string; fetch?: boolean },
): Promise<PartnerFeed> {
  return ctx.handle.db.transaction().execute(async (trx) => {
    const feed = await change(trx);
    if (record.fetch) await ctx.queue.enqueue(trx, fetchPartnerFeedJob, { feedId: feed.id, force: true });
    await audit(
      ctx,
      {
        action: record.action,
        resourceType: 'partner-feed',
        resourceId: feed.id,
        summary: record.summary(feed),
      },
      trx,
    );
    return feed;
  });
}

export const partnerFeedsRouter = router({
  list: permitted('feed:view').query(async ({ ctx }) => (await listPartnerFeeds(ctx.handle.db)).map(toView)),

  get: permitted('feed:view')
    .input(idInput)
    .query(async ({ ctx, input }) => {
      const feed = await findPartnerFeed(ctx.handle.db, input.id);
      if (!feed) throw new DomainError('NOT_FOUND', 'This partner feed no longer exists');
      const items = await listPartnerItemsOfFeed(ctx.handle.db, feed.id, 50);
      return {
        feed: toView(feed),
        items: items.map((i) => ({
          id: i.id,
          title: i.title,
          link: i.link,
          summary: i.summary,
          author: i.author,
          publishedAt: i.publishedAt.toISOString(),
          draftArticleId: i.draftArticleId,
        })),
      };
    }),

  create: permitted('feed:edit')
    .input(partnerFeedInputSchema)
    .mutation(async ({ ctx, input }) =>
      toView(
        await changeFeed(
          ctx,
          (trx) => createPartnerFeed(trx, input, { id: randomIds.id(), now: ctx.clock.now() }),
          {
            action: 'feed.create',
            summary: (f) => `Added the partner feed “${f.name}” (${f.url})`,
            fetch: true,
          },
        ),
      ),
    ),

  update: permitted('feed:edit')
    .input(partnerFeedInputSchema.extend({ id: z.string().min(1) }))
    .mutation(async ({ ctx, input: { id, ...fields } }) =>
      toView(
        await changeFeed(ctx, (trx) => updatePartnerFeed(trx, id, fields, ctx.clock.now()), {
          action: 'feed.update',
          summary: (f) => `Changed the partner feed “${f.name}”`,
        }),
      ),
    ),

  pause: permitted('feed:edit')
    .input(idInput)
    .mutation(async ({ ctx, input }) =>
      toView(
        await changeFeed(ctx, (trx) => setPartnerFeedPaused(trx, input.id, true, ctx.clock.now()), {
          action: 'feed.pause',
          summary: (f) => `Paused the partner feed “${f.name}”`,
        }),
      ),
    ),

  resume: permitted('feed:edit')
    .input(idInput)
    .mutation(async ({ ctx, input }) =>
      toView(
        await changeFeed(ctx, (trx) => setPartnerFeedPaused(trx, input.id, false, ctx.clock.now()), {
          action: 'feed.resume',
          summary: (f) => `Resumed the partner feed “${f.name}”`,
          fetch: true,
        }),
      ),
    ),

  fetchNow: permitted('feed:edit')
    .input(idInput)
    .mutation(async ({ ctx, input }) =>
      toView(
        await changeFeed(ctx, (trx) => makePartnerFeedDue(trx, input.id, ctx.clock.now()), {
          action: 'feed.fetch-now',
          summary: (f) => `Asked for the partner feed “${f.name}” to be fetched now`,
          fetch: true,
        }),
      ),
    ),

  delete: permitted('feed:edit')
    .input(idInput)
    .mutation(async ({ ctx, input }) => {
      const feed = await changeFeed(ctx, (trx) => deletePartnerFeed(trx, input.id), {
        action: 'feed.delete',
        summary: (f) => `Removed the partner feed “${f.name}” and its items`,
      });
      return { id: feed.id };
    }),

  /** One click: a draft article from a partner item, crediting the source. A second click opens the same draft. */
  makeDraft: permitted('article:edit')
    .input(z.object({ itemId: z.string().min(1) }))
    .mutation(async ({ ctx, input }) => {
      const existing = async () => {
        const item = await findPartnerItem(ctx.handle.db, input.itemId);
        return item?.draftArticleId ? { articleId: item.draftArticleId, created: false } : null;
      };
      try {
        return await ctx.handle.db.transaction().execute(async (trx) => {
          const item = await lockPartnerItem(trx, input.itemId);
          if (!item) throw new DomainError('NOT_FOUND', 'This partner item no longer exists');
          if (item.draftArticleId) return { articleId: item.draftArticleId, created: false };
          const feed = await findPartnerFeed(trx, item.feedId);
          if (!feed) throw new DomainError('NOT_FOUND', 'This partner feed no longer exists');
          const article = await createArticle(draftFromPartnerItem(item, feed), ctx.session.userId, {
            articles: articleRepository(trx),
            clock: ctx.clock,
            ids: randomIds,
          });
          // Another click got there first: undo this draft and open theirs.
          if (!(await setPartnerItemDraft(trx, item.id, article.id))) throw new DraftRace();
          await audit(
            ctx,
            {
              action: 'article.create',
              resourceType: 'article',
              resourceId: article.id,
              summary: `Drafted “${article.title}” from the partner feed “${feed.name}”`,
            },
            trx,
          );
          return { articleId: article.id, created: true };
        });
      } catch (error) {
        const theirs = error instanceof DraftRace ? await existing() : null;
        if (theirs) return theirs;
        throw error;
      }
    }),
});
