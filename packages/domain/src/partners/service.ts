// The partner-feed use cases staff trigger from the admin (add, change, pause, resume, fetch now, remove, turn an
// item into a draft article) and the one the worker runs (store what a fetch found). Each returns a Change for the unit of work (packages/db `runUnitOfWork`).
import { createArticle, type ArticlePorts } from '../articles/service.js';
import { articleEditSchema } from '../articles/schema.js';
import { change, type Change, type SitePart } from '../shared/change.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { IdGenerator } from '../shared/ids.js';
import type { TopicRepository } from '../topics/ports.js';
import { resolveTopics } from '../topics/service.js';
import type { FetchedPartnerFeed, PartnerFeedRepository } from './ports.js';
import { draftFromPartnerItem } from './rules.js';
import type { ParsedPartnerFeedInput, PartnerFeed } from './schema.js';

export interface PartnerFeedPorts {
  feeds: PartnerFeedRepository;
  topics: TopicRepository;
  clock: Clock;
  ids: IdGenerator;
  /** Queues a fetch of the feed that runs once the change commits (never if it rolls back). */
  fetchSoon(feedId: string): Promise<void>;
}

function feedChange(
  feed: PartnerFeed,
  action: string,
  summary: string,
  touches: readonly SitePart[] = [],
): Change<PartnerFeed> {
  return change(feed, { action, resourceType: 'partner-feed', resourceId: feed.id, summary }, touches);
}

/** Follows a new feed and fetches it at once. */
export async function addPartnerFeed(
  ports: PartnerFeedPorts,
  command: ParsedPartnerFeedInput,
): Promise<Change<PartnerFeed>> {
  const topics = await resolveTopics(ports, command.topics);
  const feed = await ports.feeds.create(
    { ...command, topics },
    { id: ports.ids.id(), now: ports.clock.now() },
  );
  await ports.fetchSoon(feed.id);
  return feedChange(feed, 'feed.create', `Added the partner feed “${feed.name}” (${feed.url})`);
}

/** Changes a feed's address, name, language or topics; the site shows its name and language beside each item. */
export async function changePartnerFeed(
  ports: PartnerFeedPorts,
  command: ParsedPartnerFeedInput & { id: string },
): Promise<Change<PartnerFeed>> {
  const { id, ...fields } = command;
  const topics = await resolveTopics(ports, fields.topics);
  const feed = await ports.feeds.update(id, { ...fields, topics }, ports.clock.now());
  return feedChange(feed, 'feed.update', `Changed the partner feed “${feed.name}”`, ['partner-items']);
}

/** Stops fetching a feed; its items stay on the site. */
export async function pausePartnerFeed(ports: PartnerFeedPorts, command: { id: string }) {
  const feed = await ports.feeds.setPaused(command.id, true, ports.clock.now());
  return feedChange(feed, 'feed.pause', `Paused the partner feed “${feed.name}”`);
}

/** Fetches a paused feed again, starting now. */
export async function resumePartnerFeed(ports: PartnerFeedPorts, command: { id: string }) {
  const feed = await ports.feeds.setPaused(command.id, false, ports.clock.now());
  await ports.fetchSoon(feed.id);
  return feedChange(feed, 'feed.resume', `Resumed the partner feed “${feed.name}”`);
}

/** Fetches a feed now, whatever its back-off. */
export async function fetchPartnerFeedNow(ports: PartnerFeedPorts, command: { id: string }) {
  const feed = await ports.feeds.makeDue(command.id, ports.clock.now());
  await ports.fetchSoon(feed.id);
  return feedChange(feed, 'feed.fetch-now', `Asked for the partner feed “${feed.name}” to be fetched now`);
}

/** Stops following a feed and removes its items from the site (drafts already made from them stay). */
export async function removePartnerFeed(ports: PartnerFeedPorts, command: { id: string }) {
  const feed = await ports.feeds.remove(command.id);
  return feedChange(feed, 'feed.delete', `Removed the partner feed “${feed.name}” and its items`, [
    'partner-items',
  ]);
}

/**
 * One click: a draft article from a partner item, crediting the source. A second click (or another member of
 * staff at the same time) opens the same draft: the item is locked while the draft is made.
 */
export async function draftArticleFromPartnerItem(
  ports: PartnerFeedPorts & ArticlePorts,
  command: { itemId: string; authorId: string | null },
): Promise<Change<{ articleId: string; created: boolean }>> {
  const item = await ports.feeds.lockItem(command.itemId);
  if (!item) throw new DomainError('NOT_FOUND', 'This partner item no longer exists');
  if (item.draftArticleId) return change({ articleId: item.draftArticleId, created: false }, null);
  const feed = await ports.feeds.find(item.feedId);
  if (!feed) throw new DomainError('NOT_FOUND', 'This partner feed no longer exists');
  // The partner's text came from outside: it is checked like anything an editor types.
  const edit = articleEditSchema.parse(draftFromPartnerItem(item, feed));
  const { result: article, touches } = await createArticle(ports, { edit, authorId: command.authorId });
  if (!(await ports.feeds.recordDraft(item.id, article.id))) {
    // Cannot happen while the item is locked; refuse rather than leave a second draft behind.
    throw new DomainError('CONFLICT', 'This item was made into a draft meanwhile; open it from the feed');
  }
  return change(
    { articleId: article.id, created: true },
    {
      action: 'article.create',
      resourceType: 'article',
      resourceId: article.id,
      summary: `Drafted “${article.title}” from the partner feed “${feed.name}”`,
    },
    touches,
  );
}

/**
 * Stores what the worker's fetch of a feed found. New items show on the public partners page; no person decided
 * it, so there is no audit entry (the feed itself records when it was fetched).
 */
export async function storePartnerFeedFetch(
  ports: Pick<PartnerFeedPorts, 'feeds' | 'clock' | 'ids'>,
  command: { feedId: string; url: string; fetched: FetchedPartnerFeed },
): Promise<Change<{ added: number }>> {
  const { added } = await ports.feeds.recordFetched(command.feedId, command.url, command.fetched, {
    now: ports.clock.now(),
    newId: () => ports.ids.id(),
  });
  return change({ added }, null, added > 0 ? ['partner-items'] : []);
}
