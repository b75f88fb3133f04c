// What the partner-feed use cases need from storage; packages/db implements it (partnerFeedRepository).
import type { NewPartnerItem } from './rules.js';
import type { ParsedPartnerFeedInput, PartnerFeed, PartnerItem } from './schema.js';

/** A feed's fields with its topics already resolved to slugs. */
export type PartnerFeedFields = ParsedPartnerFeedInput;

/** What one successful fetch found: the usable items, the validators for the next conditional GET, warnings. */
export interface FetchedPartnerFeed {
  etag: string | null;
  lastModified: string | null;
  items: readonly NewPartnerItem[];
  warnings: readonly string[];
}

export interface PartnerFeedRepository {
  find(id: string): Promise<PartnerFeed | null>;
  /** A new feed, due at once; an address already followed is DomainError('CONFLICT', { field: 'url' }). */
  create(fields: PartnerFeedFields, meta: { id: string; now: Date }): Promise<PartnerFeed>;
  /** A new address forgets the old one's validators and is due at once. NOT_FOUND / CONFLICT on `url`. */
  update(id: string, fields: PartnerFeedFields, now: Date): Promise<PartnerFeed>;
  /** Pausing stops fetching; resuming makes the feed due at once. */
  setPaused(id: string, paused: boolean, now: Date): Promise<PartnerFeed>;
  /** Due at once, whatever its back-off. */
  makeDue(id: string, now: Date): Promise<PartnerFeed>;
  /** Removes the feed and its items (drafts already made from them stay); returns what was removed. */
  remove(id: string): Promise<PartnerFeed>;
  /** The item, locked until the transaction ends (a second "make draft" waits, then sees the first's draft). */
  lockItem(id: string): Promise<PartnerItem | null>;
  /** Records the draft made from an item unless one was recorded meanwhile (false then). */
  recordDraft(itemId: string, articleId: string): Promise<boolean>;
  /**
   * Stores the items not seen before (by key, per feed) and the fetch's validators and warnings — nothing when the
   * feed was removed or its address changed meanwhile. Returns how many items were new.
   */
  recordFetched(
    id: string,
    url: string,
    fetched: FetchedPartnerFeed,
    meta: { now: Date; newId: () => string },
  ): Promise<{ added: number }>;
}
