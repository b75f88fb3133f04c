// Pure rules for partner feeds: when a feed is next fetched (every 30 minutes; after failures, doubling up to a
// day), which parsed items are kept and how they are cleaned, and the draft article an item becomes.
import type { ArticleInput } from '../articles/schema.js';
import { withoutUnprintable } from '../shared/text.js';
import {
  PARTNER_FEED_INTERVAL_MINUTES,
  PARTNER_FEED_MAX_BACKOFF_MINUTES,
  PARTNER_ITEM_AUTHOR_MAX,
  PARTNER_ITEM_SUMMARY_MAX,
  PARTNER_ITEM_TITLE_MAX,
  type PartnerFeed,
  type PartnerItem,
  type RawPartnerItem,
} from './schema.js';

const MINUTE = 60_000;

/** After a successful (or not-modified) fetch: the regular interval. */
export function nextFetchAfterSuccess(now: Date): Date {
  return new Date(now.getTime() + PARTNER_FEED_INTERVAL_MINUTES * MINUTE);
}

/**
 * After the `failures`-th failure in a row (1 for the first): 30 min × 2^(failures−1) — 30 min, 1 h, 2 h… — capped
 * at a day. The feed keeps being tried, so it recovers by itself once the partner fixes it.
 */
export function nextFetchAfterFailure(now: Date, failures: number): Date {
  const exponent = Math.min(Math.max(failures, 1) - 1, 16);
  const minutes = Math.min(PARTNER_FEED_INTERVAL_MINUTES * 2 ** exponent, PARTNER_FEED_MAX_BACKOFF_MINUTES);
  return new Date(now.getTime() + minutes * MINUTE);
}

export const partnerFeedHealths = ['paused', 'failing', 'ok', 'waiting'] as const;
export type PartnerFeedHealth = (typeof partnerFeedHealths)[number];

/**
 * A feed's health in a word: paused by staff; failing since its last fetch failed; ok once fetched; waiting for
 * its first fetch.
 */
export function partnerFeedHealth(
  feed: Pick<PartnerFeed, 'paused' | 'consecutiveFailures' | 'lastFetchedAt'>,
): PartnerFeedHealth {
  if (feed.paused) return 'paused';
  if (feed.consecutiveFailures > 0) return 'failing';
  return feed.lastFetchedAt ? 'ok' : 'waiting';
}

export type NewPartnerItem = Omit<PartnerItem, 'id' | 'feedId' | 'draftArticleId' | 'createdAt'>;

export interface NormalisedItems {
  items: NewPartnerItem[];
  /** One sentence per kind of problem, for the feed's status in the admin ("2 items have no link and were skipped"). */
  warnings: string[];
}

/** Whitespace collapsed, and characters no page or feed should carry (control characters, non-characters) dropped. */
function collapse(s: string): string {
  return withoutUnprintable(s.replace(/\s+/g, ' ')).trim();
}

/**
 * Longest item key kept: a key is unique per feed in an index, and PostgreSQL's index entries are limited in
 * bytes (500 characters are at most 2,000 bytes of UTF-8).
 */
export const PARTNER_ITEM_KEY_MAX = 500;

function cap(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function httpUrl(value: string | null): string | null {
  if (!value || !URL.canParse(value)) return null;
  const url = new URL(value);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Keeps the items a reader can use: each needs a link (http or https) and a title (the summary stands in for a
 * missing title). An item without a date is dated when first seen. Items are keyed by their guid, else their link;
 * a key seen twice in one fetch keeps the first. `htmlToText` turns the summary's HTML into plain text (the caller
 * passes the sanitiser from @ayni/domain/markdown, so nothing of the partner's markup reaches the page).
 */
export function normalisePartnerItems(
  raw: readonly RawPartnerItem[],
  now: Date,
  htmlToText: (html: string) => string,
): NormalisedItems {
  const items: NewPartnerItem[] = [];
  const seen = new Set<string>();
  let noLink = 0;
  let noTitle = 0;
  let noDate = 0;
  let duplicates = 0;
  for (const r of raw) {
    const link = httpUrl(r.link) ?? httpUrl(r.guid);
    if (!link) {
      noLink++;
      continue;
    }
    const summary = r.summaryHtml ? collapse(htmlToText(r.summaryHtml)) : '';
    const title = collapse(htmlToText(r.title ?? '')) || cap(summary, 120);
    if (!title) {
      noTitle++;
      continue;
    }
    const key = collapse(r.guid ?? '') || link;
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    const valid = r.publishedAt && !Number.isNaN(r.publishedAt.getTime());
    if (!valid) noDate++;
    // A date in the future (a wrong clock on the partner's side) is shown as now rather than pinned to the top.
    const publishedAt = valid && r.publishedAt!.getTime() <= now.getTime() ? r.publishedAt! : now;
    const author = r.author ? cap(collapse(htmlToText(r.author)), PARTNER_ITEM_AUTHOR_MAX) || null : null;
    items.push({
      key: key.slice(0, PARTNER_ITEM_KEY_MAX),
      link,
      title: cap(title, PARTNER_ITEM_TITLE_MAX),
      summary: cap(summary, PARTNER_ITEM_SUMMARY_MAX),
      author,
      publishedAt,
    });
  }
  const warnings: string[] = [];
  if (noLink)
    warnings.push(
      `${plural(noLink, 'item has', 'items have')} no web link and ${noLink === 1 ? 'was' : 'were'} skipped`,
    );
  if (noTitle)
    warnings.push(
      `${plural(noTitle, 'item has', 'items have')} no title or summary and ${noTitle === 1 ? 'was' : 'were'} skipped`,
    );
  if (duplicates)
    warnings.push(
      `${plural(duplicates, 'item repeats', 'items repeat')} the id of an earlier item and ${duplicates === 1 ? 'was' : 'were'} skipped`,
    );
  if (noDate)
    warnings.push(
      `${plural(noDate, 'item has', 'items have')} no valid date and ${noDate === 1 ? 'is' : 'are'} dated when first seen`,
    );
  return { items, warnings };
}

/**
 * The draft an item becomes: the partner's title and summary, the source credited and linked at the end of the
 * body, in the feed's language with its topics. Staff edit it before publishing.
 */
export function draftFromPartnerItem(
  item: Pick<PartnerItem, 'title' | 'summary' | 'link' | 'author' | 'publishedAt'>,
  feed: Pick<PartnerFeed, 'name' | 'language' | 'topics'>,
): ArticleInput {
  // Partner text is text, not Markdown: every ASCII punctuation character is escaped (CommonMark allows a
  // backslash before any of them), so nothing in it becomes emphasis, a list, a link or an entity.
  const escape = (s: string) => s.replace(/[!-/:-@[-`{-~]/g, '\\$&');
  // The link goes in <…>; characters that would end it or escape its end are percent-encoded.
  const destination = item.link.replace(/[\\<> ]/g, (c) => encodeURIComponent(c));
  const date = item.publishedAt.toISOString().slice(0, 10);
  const credit =
    feed.language === 'es'
      ? `Fuente: [${escape(feed.name)}](<${destination}>)${item.author ? `, por ${escape(item.author)}` : ''} (${date}).`
      : `Source: [${escape(feed.name)}](<${destination}>)${item.author ? `, by ${escape(item.author)}` : ''} (${date}).`;
  const body = [item.summary ? `> ${escape(item.summary)}` : '', credit].filter(Boolean).join('\n\n');
  return {
    kind: 'news',
    language: feed.language,
    title: item.title,
    summary: item.summary,
    body,
    topics: feed.topics,
  };
}
