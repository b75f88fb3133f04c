// What the admin reads about partner feeds: a feed with its health in a word, and its items as the feed's page lists
// them; the schemas are what the API declares as its output.
import { z } from 'zod';
import { partnerFeedHealth, partnerFeedHealths } from './rules.js';
import { partnerFeedSchema, partnerItemSchema, type PartnerFeed, type PartnerItem } from './schema.js';

/** A feed as the feeds page shows it: its health in a word beside its facts (no fetch bookkeeping). */
export const partnerFeedViewSchema = partnerFeedSchema
  .pick({
    id: true,
    url: true,
    name: true,
    language: true,
    topics: true,
    paused: true,
    nextFetchAt: true,
    lastFetchedAt: true,
    lastNewItemAt: true,
    lastError: true,
    lastErrorAt: true,
    consecutiveFailures: true,
    lastWarning: true,
  })
  .extend({
    health: z.enum(partnerFeedHealths),
    /** How many items the feed has, where the read counted them (the list); null where it did not. */
    itemCount: z.number().int().min(0).nullable(),
  });
export type PartnerFeedView = z.infer<typeof partnerFeedViewSchema>;

export function partnerFeedView(feed: PartnerFeed & { itemCount?: number }): PartnerFeedView {
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

/** An item on its feed's page: what it says, where it links, and the draft made from it, if any. */
export const partnerItemViewSchema = partnerItemSchema.pick({
  id: true,
  title: true,
  link: true,
  summary: true,
  author: true,
  publishedAt: true,
  draftArticleId: true,
});
export type PartnerItemView = z.infer<typeof partnerItemViewSchema>;

export function partnerItemView(item: PartnerItem): PartnerItemView {
  const { id, title, link, summary, author, publishedAt, draftArticleId } = item;
  return { id, title, link, summary, author, publishedAt, draftArticleId };
}
