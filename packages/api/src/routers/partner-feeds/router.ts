// Partner feeds in the admin: add, change, pause/resume, fetch now and remove feeds (feed:edit), see each feed's
// health and items (feed:view), and turn an item into a draft article (article:edit) that credits the source.
import { findPartnerFeed, listPartnerFeeds, listPartnerItemsOfFeed } from '@ayni/db';
import {
  DomainError,
  addPartnerFeed,
  changePartnerFeed,
  draftArticleFromPartnerItem,
  fetchPartnerFeedNow,
  partnerFeedInputSchema,
  partnerFeedView,
  partnerFeedViewSchema,
  partnerItemView,
  partnerItemViewSchema,
  pausePartnerFeed,
  removePartnerFeed,
  resumePartnerFeed,
} from '@ayni/domain';
import { z } from 'zod';
import { partnerFeedPorts } from '../../ports.js';
import { inUnitOfWork, permitted, router } from '../../trpc.js';

const idInput = z.object({ id: z.string().min(1) });

export const partnerFeedsRouter = router({
  list: permitted('feed:view')
    .output(z.array(partnerFeedViewSchema))
    .query(async ({ ctx }) => (await listPartnerFeeds(ctx.handle.db)).map(partnerFeedView)),

  get: permitted('feed:view')
    .input(idInput)
    .output(z.object({ feed: partnerFeedViewSchema, items: z.array(partnerItemViewSchema) }))
    .query(async ({ ctx, input }) => {
      const feed = await findPartnerFeed(ctx.handle.db, input.id);
      if (!feed) throw new DomainError('NOT_FOUND', 'This partner feed no longer exists');
      const items = await listPartnerItemsOfFeed(ctx.handle.db, feed.id, 50);
      return { feed: partnerFeedView(feed), items: items.map(partnerItemView) };
    }),

  create: permitted('feed:edit')
    .input(partnerFeedInputSchema)
    .output(partnerFeedViewSchema)
    .mutation(async ({ ctx, input }) =>
      partnerFeedView(await inUnitOfWork(ctx, (trx) => addPartnerFeed(partnerFeedPorts(ctx, trx), input))),
    ),

  update: permitted('feed:edit')
    .input(partnerFeedInputSchema.extend({ id: z.string().min(1) }))
    .output(partnerFeedViewSchema)
    .mutation(async ({ ctx, input }) =>
      partnerFeedView(await inUnitOfWork(ctx, (trx) => changePartnerFeed(partnerFeedPorts(ctx, trx), input))),
    ),

  pause: permitted('feed:edit')
    .input(idInput)
    .output(partnerFeedViewSchema)
    .mutation(async ({ ctx, input }) =>
      partnerFeedView(await inUnitOfWork(ctx, (trx) => pausePartnerFeed(partnerFeedPorts(ctx, trx), input))),
    ),

  resume: permitted('feed:edit')
    .input(idInput)
    .output(partnerFeedViewSchema)
    .mutation(async ({ ctx, input }) =>
      partnerFeedView(await inUnitOfWork(ctx, (trx) => resumePartnerFeed(partnerFeedPorts(ctx, trx), input))),
    ),

  fetchNow: permitted('feed:edit')
    .input(idInput)
    .output(partnerFeedViewSchema)
    .mutation(async ({ ctx, input }) =>
      partnerFeedView(
        await inUnitOfWork(ctx, (trx) => fetchPartnerFeedNow(partnerFeedPorts(ctx, trx), input)),
      ),
    ),

  delete: permitted('feed:edit')
    .input(idInput)
    .output(z.object({ id: z.string().min(1) }))
    .mutation(async ({ ctx, input }) => {
      const feed = await inUnitOfWork(ctx, (trx) => removePartnerFeed(partnerFeedPorts(ctx, trx), input));
      return { id: feed.id };
    }),

  /** One click: a draft article from a partner item, crediting the source. A second click opens the same draft. */
  makeDraft: permitted('article:edit')
    .input(z.object({ itemId: z.string().min(1) }))
    .output(z.object({ articleId: z.string().min(1), created: z.boolean() }))
    .mutation(({ ctx, input }) =>
      inUnitOfWork(ctx, (trx) =>
        draftArticleFromPartnerItem(partnerFeedPorts(ctx, trx), {
          itemId: input.itemId,
          authorId: ctx.session.userId,
        }),
      ),
    ),
});
