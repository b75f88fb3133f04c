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
  partnerFeedInputSchema,
  type PartnerFeed,
} from '@ayni/domain';
import { fetchPartnerFeedJob, type Queue } from '@ayni/jobs';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { audit, permitted, router } from '../../trpc.js';

const idInput = z.object({ id: z.string().min(1) });

/** Thrown to roll back a draft when another request recorded one for the same item first. */
class DraftRace extends Error {}

/** What the feeds page shows: health in a word, and every date as ISO text. */
function toView(feed: PartnerFeed & { itemCount?: number }) {
  const health = feed.paused
    ? 'paused'
    : feed.consecutiveFailures > 0
      ? 'failing'
      : feed.lastFetchedAt
        ? 'ok'
        : 'waiting';
  return {
    id: feed.id,
    url: feed.url,
    name: feed.name,
    language: feed.language,
    topics: feed.topics,
    paused: feed.paused,
    health: health as 'paused' | 'failing' | 'ok' | 'waiting',
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

/** Enqueues a fetch now, in the caller's transaction (it runs only if the change commits). */
async function fetchSoon(trx: Kysely<Database>, queue: Queue, feedId: string): Promise<void> {
  await queue.enqueue(trx, fetchPartnerFeedJob, { feedId, force: true });
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
    .mutation(({ ctx, input }) =>
      ctx.handle.db.transaction().execute(async (trx) => {
        const feed = await createPartnerFeed(trx, input, { id: randomIds.id(), now: ctx.clock.now() });
        await fetchSoon(trx, ctx.queue, feed.id);
        await audit(
          ctx,
          {
            action: 'feed.create',
            resourceType: 'partner-feed',
            resourceId: feed.id,
            summary: `Added the partner feed “${feed.name}” (${feed.url})`,
          },
          trx,
        );
        return toView(feed);
      }),
    ),

  update: permitted('feed:edit')
    .input(partnerFeedInputSchema.extend({ id: z.string().min(1) }))
    .mutation(({ ctx, input }) =>
      ctx.handle.db.transaction().execute(async (trx) => {
        const { id, ...fields } = input;
        const feed = await updatePartnerFeed(trx, id, fields, ctx.clock.now());
        await audit(
          ctx,
          {
            action: 'feed.update',
            resourceType: 'partner-feed',
            resourceId: feed.id,
            summary: `Changed the partner feed “${feed.name}”`,
          },
          trx,
        );
        return toView(feed);
      }),
    ),

  pause: permitted('feed:edit')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      ctx.handle.db.transaction().execute(async (trx) => {
        const feed = await setPartnerFeedPaused(trx, input.id, true, ctx.clock.now());
        await audit(
          ctx,
          {
            action: 'feed.pause',
            resourceType: 'partner-feed',
            resourceId: feed.id,
            summary: `Paused the partner feed “${feed.name}”`,
          },
          trx,
        );
        return toView(feed);
      }),
    ),

  resume: permitted('feed:edit')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      ctx.handle.db.transaction().execute(async (trx) => {
        const feed = await setPartnerFeedPaused(trx, input.id, false, ctx.clock.now());
        await fetchSoon(trx, ctx.queue, feed.id);
        await audit(
          ctx,
          {
            action: 'feed.resume',
            resourceType: 'partner-feed',
            resourceId: feed.id,
            summary: `Resumed the partner feed “${feed.name}”`,
          },
          trx,
        );
        return toView(feed);
      }),
    ),

  fetchNow: permitted('feed:edit')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      ctx.handle.db.transaction().execute(async (trx) => {
        const feed = await makePartnerFeedDue(trx, input.id, ctx.clock.now());
        await fetchSoon(trx, ctx.queue, feed.id);
        await audit(
          ctx,
          {
            action: 'feed.fetch-now',
            resourceType: 'partner-feed',
            resourceId: feed.id,
            summary: `Asked for the partner feed “${feed.name}” to be fetched now`,
          },
          trx,
        );
        return toView(feed);
      }),
    ),

  delete: permitted('feed:edit')
    .input(idInput)
    .mutation(({ ctx, input }) =>
      ctx.handle.db.transaction().execute(async (trx) => {
        const feed = await deletePartnerFeed(trx, input.id);
        await audit(
          ctx,
          {
            action: 'feed.delete',
            resourceType: 'partner-feed',
            resourceId: feed.id,
            summary: `Removed the partner feed “${feed.name}” and its items`,
          },
          trx,
        );
        return { id: feed.id };
      }),
    ),

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
