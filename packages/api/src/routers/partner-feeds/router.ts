// Partner feeds in the admin: add, change, pause/resume, fetch now and remove feeds (feed:edit), see each feed's
// health and items (feed:view), and turn an item into a draft article (article:edit) that credits the source.
import { findPartnerFeed, listPartnerFeeds, listPartnerItemsOfFeed } from '@ayni/db';
import {
  DomainError,
  addPartnerFeed,
  changePartnerFeed,
  draftArticleFromPartnerItem,
  fetchPartnerFeedNow,
  partnerFeedHealth,
  partnerFeedInputSchema,
  pausePartnerFeed,
  removePartnerFeed,
  resumePartnerFeed,
  type PartnerFeed,
} from '@ayni/domain';
import { z } from 'zod';
import { partnerFeedPorts } from '../../ports.js';
import { inUnitOfWork, permitted, router } from '../../trpc.js';

const idInput = z.object({ id: z.string().min(1) });

/** What the feeds page shows: health in a word beside the feed's facts. */
function toView(feed: PartnerFeed & { itemCount?: number }) {
  return {
    id: feed.id,
    url: feed.url,
    name: feed.name,
    language: feed.language,
    topics: feed.topics,
    paused: feed.paused,
    health: partnerFeedHealth(feed),
    nextFetchAt: feed.nextFetchAt,
    lastFetchedAt: feed.lastFetchedAt,
    lastNewItemAt: feed.lastNewItemAt,
    lastError: feed.lastError,
    lastErrorAt: feed.lastErrorAt,
    consecutiveFailures: feed.consecutiveFailures,
    lastWarning: feed.lastWarning,
    itemCount: feed.itemCount ?? null,
  };
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
          publishedAt: i.publishedAt,
          draftArticleId: i.draftArticleId,
        })),
      };
    }),

  create: permitted('feed:edit')
    .input(partnerFeedInputSchema)
    .mutation(async ({ ctx, input }) =>
      toView(await inUnitOfWork(ctx, (trx) => addPartnerFeed(partnerFeedPorts(ctx, trx), input))),
    ),

  update: permitted('feed:edit')
    .input(partnerFeedInputSchema.extend({ id: z.string().min(1) }))
    .mutation(async ({ ctx, input }) =>
      toView(await inUnitOfWork(ctx, (trx) => changePartnerFeed(partnerFeedPorts(ctx, trx), input))),
    ),

  pause: permitted('feed:edit')
    .input(idInput)
    .mutation(async ({ ctx, input }) =>
      toView(await inUnitOfWork(ctx, (trx) => pausePartnerFeed(partnerFeedPorts(ctx, trx), input))),
    ),

  resume: permitted('feed:edit')
    .input(idInput)
    .mutation(async ({ ctx, input }) =>
      toView(await inUnitOfWork(ctx, (trx) => resumePartnerFeed(partnerFeedPorts(ctx, trx), input))),
    ),

  fetchNow: permitted('feed:edit')
    .input(idInput)
    .mutation(async ({ ctx, input }) =>
      toView(await inUnitOfWork(ctx, (trx) => fetchPartnerFeedNow(partnerFeedPorts(ctx, trx), input))),
    ),

  delete: permitted('feed:edit')
    .input(idInput)
    .mutation(async ({ ctx, input }) => {
      const feed = await inUnitOfWork(ctx, (trx) => removePartnerFeed(partnerFeedPorts(ctx, trx), input));
      return { id: feed.id };
    }),

  /** One click: a draft article from a partner item, crediting the source. A second click opens the same draft. */
  makeDraft: permitted('article:edit')
    .input(z.object({ itemId: z.string().min(1) }))
    .mutation(({ ctx, input }) =>
      inUnitOfWork(ctx, (trx) =>
        draftArticleFromPartnerItem(partnerFeedPorts(ctx, trx), {
          itemId: input.itemId,
          authorId: ctx.session.userId,
        }),
      ),
    ),
});
