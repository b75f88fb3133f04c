// Partner feeds and their items: rows ↔ the domain's PartnerFeed / PartnerItem, the worker's bookkeeping
// (due feeds, 304s, successes, failures with back-off) and what the site lists. Callers own the transaction.
import {
  DomainError,
  nextFetchAfterFailure,
  nextFetchAfterSuccess,
  type FetchedPartnerFeed,
  type Language,
  type ParsedPartnerFeedInput,
  type PartnerFeed,
  type PartnerFeedRepository,
  type PartnerItem,
  type PublicPartnerItem,
} from '@ayni/domain';
import type { Kysely, Selectable } from 'kysely';
import { conflictOnDuplicate } from '../errors.js';
import { fromFlag, iso, toDate, toDateOrNull, toFlag } from '../mappers.js';
import type { Database, PartnerFeedsTable, PartnerItemsTable } from '../schema.js';
import { linkTopics } from './topics.js';

type Db = Kysely<Database>;

function toFeed(row: Selectable<PartnerFeedsTable>, topics: string[]): PartnerFeed {
  return {
    id: row.id,
    url: row.url,
    name: row.name,
    language: row.language as Language,
    topics,
    paused: fromFlag(row.paused),
    etag: row.etag,
    lastModified: row.last_modified,
    nextFetchAt: toDate(row.next_fetch_at),
    lastFetchedAt: toDateOrNull(row.last_fetched_at),
    lastNewItemAt: toDateOrNull(row.last_new_item_at),
    lastError: row.last_error,
    lastErrorAt: toDateOrNull(row.last_error_at),
    consecutiveFailures: row.consecutive_failures,
    lastWarning: row.last_warning,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

function toItem(row: Selectable<PartnerItemsTable>): PartnerItem {
  return {
    id: row.id,
    feedId: row.feed_id,
    key: row.item_key,
    link: row.link,
    title: row.title,
    summary: row.summary,
    author: row.author,
    publishedAt: toDate(row.published_at),
    draftArticleId: row.draft_article_id,
    createdAt: toDate(row.created_at),
  };
}

async function feedTopics(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('partner_feed_topics')
    .select(['feed_id', 'topic_slug'])
    .where('feed_id', 'in', ids)
    .orderBy('topic_slug')
    .execute();
  for (const r of rows) map.set(r.feed_id, [...(map.get(r.feed_id) ?? []), r.topic_slug]);
  return map;
}

async function withTopics(db: Db, rows: Selectable<PartnerFeedsTable>[]): Promise<PartnerFeed[]> {
  const topics = await feedTopics(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toFeed(r, topics.get(r.id) ?? []));
}

const URL_TAKEN = { message: 'A partner feed with this address already exists', field: 'url' };

export async function findPartnerFeed(db: Db, id: string): Promise<PartnerFeed | null> {
  const row = await db.selectFrom('partner_feeds').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? ((await withTopics(db, [row]))[0] ?? null) : null;
}

async function requireFeed(db: Db, id: string): Promise<PartnerFeed> {
  const feed = await findPartnerFeed(db, id);
  if (!feed) throw new DomainError('NOT_FOUND', 'This partner feed no longer exists');
  return feed;
}

/** A new feed, due at once (the next sweep fetches it). */
export async function createPartnerFeed(
  db: Db,
  input: ParsedPartnerFeedInput,
  options: { id: string; now: Date },
): Promise<PartnerFeed> {
  const now = iso(options.now);
  await conflictOnDuplicate(
    () =>
      db
        .insertInto('partner_feeds')
        .values({
          id: options.id,
          url: input.url,
          name: input.name,
          language: input.language,
          paused: toFlag(false),
          next_fetch_at: now,
          consecutive_failures: 0,
          created_at: now,
          updated_at: now,
        })
        .execute(),
    URL_TAKEN,
  );
  await linkTopics(db, 'partner_feed_topics', options.id, input.topics);
  return requireFeed(db, options.id);
}

/** Changes name, language, topics or address; a new address forgets the old one's validators and is due at once. */
export async function updatePartnerFeed(
  db: Db,
  id: string,
  input: ParsedPartnerFeedInput,
  now: Date,
): Promise<PartnerFeed> {
  const before = await requireFeed(db, id);
  const moved = before.url !== input.url;
  await conflictOnDuplicate(
    () =>
      db
        .updateTable('partner_feeds')
        .set({
          url: input.url,
          name: input.name,
          language: input.language,
          updated_at: iso(now),
          ...(moved
            ? { etag: null, last_modified: null, next_fetch_at: iso(now), consecutive_failures: 0 }
            : {}),
        })
        .where('id', '=', id)
        .execute(),
    URL_TAKEN,
  );
  await linkTopics(db, 'partner_feed_topics', id, input.topics);
  return requireFeed(db, id);
}

/** Removes a feed and its items (drafts already made from them stay). */
export async function deletePartnerFeed(db: Db, id: string): Promise<PartnerFeed> {
  const feed = await requireFeed(db, id);
  await db.deleteFrom('partner_feeds').where('id', '=', id).execute();
  return feed;
}

/** Pausing stops fetching (items stay on the site); resuming makes the feed due at once. */
export async function setPartnerFeedPaused(
  db: Db,
  id: string,
  paused: boolean,
  now: Date,
): Promise<PartnerFeed> {
  await requireFeed(db, id);
  await db
    .updateTable('partner_feeds')
    .set({ paused: toFlag(paused), updated_at: iso(now), ...(paused ? {} : { next_fetch_at: iso(now) }) })
    .where('id', '=', id)
    .execute();
  return requireFeed(db, id);
}

/** "Fetch now": due at once, whatever its back-off. */
export async function makePartnerFeedDue(db: Db, id: string, now: Date): Promise<PartnerFeed> {
  await requireFeed(db, id);
  await db
    .updateTable('partner_feeds')
    .set({ next_fetch_at: iso(now), updated_at: iso(now) })
    .where('id', '=', id)
    .execute();
  return requireFeed(db, id);
}

export interface PartnerFeedWithCount extends PartnerFeed {
  itemCount: number;
}

/** Every feed, by name, with how many items it has given us. */
export async function listPartnerFeeds(db: Db): Promise<PartnerFeedWithCount[]> {
  const rows = await db.selectFrom('partner_feeds').selectAll().orderBy('name').orderBy('id').execute();
  const counts = await db
    .selectFrom('partner_items')
    .select((eb) => ['feed_id', eb.fn.countAll<number | string>().as('n')])
    .groupBy('feed_id')
    .execute();
  const byFeed = new Map(counts.map((c) => [c.feed_id, Number(c.n)]));
  return (await withTopics(db, rows)).map((f) => ({ ...f, itemCount: byFeed.get(f.id) ?? 0 }));
}

/** Feeds the sweep should fetch now: not paused, time come; the longest-waiting first. */
export async function listDuePartnerFeeds(db: Db, now: Date, limit = 100): Promise<PartnerFeed[]> {
  const rows = await db
    .selectFrom('partner_feeds')
    .selectAll()
    .where('paused', '=', toFlag(false))
    .where('next_fetch_at', '<=', iso(now))
    .orderBy('next_fetch_at')
    .limit(limit)
    .execute();
  return withTopics(db, rows);
}

/** How long a claimed feed is left to the worker fetching it before it counts as due again (a crashed worker). */
export const PARTNER_FEED_CLAIM_MINUTES = 5;

/**
 * Takes a due feed for fetching, atomically: of two jobs for the same feed (overlapping sweeps, "Fetch now"), one
 * gets it and the other gets null. The feed is then not due for PARTNER_FEED_CLAIM_MINUTES, after which a fetch
 * that never reported back is tried again. `force` ("Fetch now") takes a paused feed too.
 */
export async function claimPartnerFeed(
  db: Db,
  id: string,
  now: Date,
  options: { force?: boolean } = {},
): Promise<PartnerFeed | null> {
  let q = db
    .updateTable('partner_feeds')
    .set({ next_fetch_at: iso(new Date(now.getTime() + PARTNER_FEED_CLAIM_MINUTES * 60_000)) })
    .where('id', '=', id)
    .where('next_fetch_at', '<=', iso(now));
  if (!options.force) q = q.where('paused', '=', toFlag(false));
  const claimed = await q.returning('id').executeTakeFirst();
  return claimed ? findPartnerFeed(db, id) : null;
}

/**
 * Whether the feed still has the address that was fetched: staff may have changed it meanwhile, and the old
 * address's items and validators must not be filed under the new one.
 */
function sameFeed(db: Db, id: string, url: string) {
  return db.updateTable('partner_feeds').where('id', '=', id).where('url', '=', url);
}

/** The server answered 304: nothing to store; healthy again. */
export async function recordPartnerFeedNotModified(
  db: Db,
  id: string,
  url: string,
  now: Date,
): Promise<void> {
  await sameFeed(db, id, url)
    .set({
      last_fetched_at: iso(now),
      consecutive_failures: 0,
      next_fetch_at: iso(nextFetchAfterSuccess(now)),
    })
    .execute();
}

const INSERT_BATCH = 200;

/**
 * A successful fetch: stores the items not seen before (by key, per feed), remembers the validators for the
 * next conditional GET, and records the warnings. Returns how many items were new. The worker calls it through the
 * domain's `storePartnerFeedFetch` in the unit of work, which marks the partner items changed.
 */
export async function recordPartnerFeedFetched(
  db: Db,
  id: string,
  url: string,
  result: FetchedPartnerFeed,
  { now, newId }: { now: Date; newId: () => string },
): Promise<{ added: number }> {
  const current = await db
    .selectFrom('partner_feeds')
    .select('id')
    .where('id', '=', id)
    .where('url', '=', url)
    .executeTakeFirst();
  if (!current) return { added: 0 };
  let added = 0;
  for (let i = 0; i < result.items.length; i += INSERT_BATCH) {
    const batch = result.items.slice(i, i + INSERT_BATCH);
    const inserted = await db
      .insertInto('partner_items')
      .values(
        batch.map((item) => ({
          id: newId(),
          feed_id: id,
          item_key: item.key,
          link: item.link,
          title: item.title,
          summary: item.summary,
          author: item.author,
          published_at: iso(item.publishedAt),
          created_at: iso(now),
        })),
      )
      .onConflict((oc) => oc.columns(['feed_id', 'item_key']).doNothing())
      .returning('id')
      .execute();
    added += inserted.length;
  }
  await sameFeed(db, id, url)
    .set({
      etag: result.etag,
      last_modified: result.lastModified,
      last_fetched_at: iso(now),
      consecutive_failures: 0,
      last_warning: result.warnings.length > 0 ? result.warnings.join('; ') : null,
      next_fetch_at: iso(nextFetchAfterSuccess(now)),
      ...(added > 0 ? { last_new_item_at: iso(now) } : {}),
    })
    .execute();
  return { added };
}

/** A failed fetch: the error and its time are kept, and the feed waits longer (see nextFetchAfterFailure). */
export async function recordPartnerFeedFailure(
  db: Db,
  id: string,
  url: string,
  message: string,
  now: Date,
): Promise<void> {
  const feed = await findPartnerFeed(db, id);
  if (!feed || feed.url !== url) return;
  const failures = feed.consecutiveFailures + 1;
  await sameFeed(db, id, url)
    .set({
      last_fetched_at: iso(now),
      last_error: message.slice(0, 1000),
      last_error_at: iso(now),
      consecutive_failures: failures,
      next_fetch_at: iso(nextFetchAfterFailure(now, failures)),
    })
    .execute();
}

/** A feed's items for the admin, newest first. */
export async function listPartnerItemsOfFeed(db: Db, feedId: string, limit = 50): Promise<PartnerItem[]> {
  const rows = await db
    .selectFrom('partner_items')
    .selectAll()
    .where('feed_id', '=', feedId)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toItem);
}

export async function findPartnerItem(db: Db, id: string): Promise<PartnerItem | null> {
  const row = await db.selectFrom('partner_items').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toItem(row) : null;
}

/**
 * The item, locked until the caller's transaction ends: a second "Make draft" for it waits here, then sees the
 * first one's draft. (A no-op update takes the row lock on PostgreSQL; SQLite transactions are serial anyway.)
 */
export async function lockPartnerItem(db: Db, id: string): Promise<PartnerItem | null> {
  await db
    .updateTable('partner_items')
    .set((eb) => ({ draft_article_id: eb.ref('draft_article_id') }))
    .where('id', '=', id)
    .execute();
  return findPartnerItem(db, id);
}

/**
 * Records the draft made from an item, unless one was recorded meanwhile (a second click, another admin): false
 * then, and the caller's new draft should be rolled back.
 */
export async function setPartnerItemDraft(db: Db, itemId: string, articleId: string): Promise<boolean> {
  const result = await db
    .updateTable('partner_items')
    .set({ draft_article_id: articleId })
    .where('id', '=', itemId)
    .where('draft_article_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Partner items for the public site, newest first, optionally only from feeds in one language. */
export async function listPublicPartnerItems(
  db: Db,
  options: { language?: Language; limit: number; offset?: number },
): Promise<PublicPartnerItem[]> {
  let q = db
    .selectFrom('partner_items as i')
    .innerJoin('partner_feeds as f', 'f.id', 'i.feed_id')
    .select([
      'i.id',
      'i.link',
      'i.title',
      'i.summary',
      'i.author',
      'i.published_at',
      'f.name as source_name',
      'f.language as source_language',
    ]);
  if (options.language) q = q.where('f.language', '=', options.language);
  const rows = await q
    .orderBy('i.published_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    link: r.link,
    title: r.title,
    summary: r.summary,
    author: r.author,
    publishedAt: toDate(r.published_at),
    source: { name: r.source_name, language: r.source_language as Language },
  }));
}

export async function countPublicPartnerItems(
  db: Db,
  options: { language?: Language } = {},
): Promise<number> {
  let q = db
    .selectFrom('partner_items as i')
    .innerJoin('partner_feeds as f', 'f.id', 'i.feed_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'));
  if (options.language) q = q.where('f.language', '=', options.language);
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The domain's PartnerFeedRepository port on `db` (a transaction, from the unit of work). */
export function partnerFeedRepository(db: Db): PartnerFeedRepository {
  return {
    find: (id) => findPartnerFeed(db, id),
    create: (fields, meta) => createPartnerFeed(db, fields, meta),
    update: (id, fields, now) => updatePartnerFeed(db, id, fields, now),
    setPaused: (id, paused, now) => setPartnerFeedPaused(db, id, paused, now),
    makeDue: (id, now) => makePartnerFeedDue(db, id, now),
    remove: (id) => deletePartnerFeed(db, id),
    lockItem: (id) => lockPartnerItem(db, id),
    recordDraft: (itemId, articleId) => setPartnerItemDraft(db, itemId, articleId),
    recordFetched: (id, url, fetched, meta) => recordPartnerFeedFetched(db, id, url, fetched, meta),
  };
}
