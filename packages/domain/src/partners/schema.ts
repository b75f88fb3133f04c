// Partner feeds: other organisations' news feeds (RSS, Atom, JSON Feed) that staff follow, and the items pulled
// from them. Items are shown on the site as links out, credited to the partner; staff can turn one into a draft.
import { z } from 'zod';
import { languageSchema, type Language } from '../shared/language.js';
import { slugSchema } from '../shared/slug.js';
import { requiredText } from '../shared/text.js';
import { typedTopicsSchema } from '../topics/schema.js';

export const PARTNER_FEED_URL_MAX = 2000;
export const PARTNER_FEED_NAME_MAX = 120;
export const PARTNER_ITEM_TITLE_MAX = 200; // = ARTICLE_TITLE_MAX: an item can become a draft as is
export const PARTNER_ITEM_SUMMARY_MAX = 500;
export const PARTNER_ITEM_AUTHOR_MAX = 200;
/** How often a healthy feed is fetched. */
export const PARTNER_FEED_INTERVAL_MINUTES = 30;
/** A failing feed waits twice as long after each failure, never more than this. */
export const PARTNER_FEED_MAX_BACKOFF_MINUTES = 24 * 60;

/** An http(s) address, as staff type it: "Feed address must start with http:// or https://". */
export const feedUrlSchema = z
  .string({
    error: (i) => (i.input === undefined ? 'Feed address is required' : 'Feed address must be text'),
  })
  .trim()
  .min(1, { error: 'Feed address is required' })
  .max(PARTNER_FEED_URL_MAX, { error: `Feed address must be ${PARTNER_FEED_URL_MAX} characters or fewer` })
  .refine((value) => URL.canParse(value), { error: 'Feed address is not a valid web address' })
  .refine((value) => !URL.canParse(value) || ['http:', 'https:'].includes(new URL(value).protocol), {
    error: 'Feed address must start with http:// or https://',
  })
  .refine((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), {
    error: 'Feed address must not contain a user name or password',
  })
  .transform((value) => new URL(value).href);

/** What staff enter to add or change a partner feed. */
export const partnerFeedInputSchema = z.object({
  url: feedUrlSchema,
  name: requiredText('Name', PARTNER_FEED_NAME_MAX),
  language: languageSchema,
  /** Topics given to drafts made from this feed's items, typed by name (created when missing). */
  topics: typedTopicsSchema(10, 'A feed can have at most 10 topics'),
});
export type PartnerFeedInput = z.input<typeof partnerFeedInputSchema>;
export type ParsedPartnerFeedInput = z.output<typeof partnerFeedInputSchema>;

export const partnerFeedSchema = z.object({
  id: z.string().min(1),
  url: z.string(),
  name: z.string(),
  language: languageSchema,
  topics: z.array(slugSchema),
  paused: z.boolean(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  nextFetchAt: z.date(),
  lastFetchedAt: z.date().nullable(),
  lastNewItemAt: z.date().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.date().nullable(),
  consecutiveFailures: z.number().int().min(0),
  /** What the last successful fetch skipped or noticed (items without links, duplicate ids…), or null. */
  lastWarning: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PartnerFeed = z.infer<typeof partnerFeedSchema>;

/** One item as stored: always a link out, a title and a date. */
export const partnerItemSchema = z.object({
  id: z.string().min(1),
  feedId: z.string().min(1),
  /** The feed's own id for the item (guid / id), or its link when it has none: what de-duplicates it. */
  key: z.string().min(1),
  link: z.url({ protocol: /^https?$/ }),
  title: z.string().min(1).max(PARTNER_ITEM_TITLE_MAX),
  /** Plain text, at most PARTNER_ITEM_SUMMARY_MAX characters. */
  summary: z.string().max(PARTNER_ITEM_SUMMARY_MAX),
  author: z.string().max(PARTNER_ITEM_AUTHOR_MAX).nullable(),
  publishedAt: z.date(),
  /** The draft article made from this item, if any. */
  draftArticleId: z.string().nullable(),
  createdAt: z.date(),
});
export type PartnerItem = z.infer<typeof partnerItemSchema>;

/** A partner item as the site shows it: with the partner's name and language. */
export interface PublicPartnerItem {
  id: string;
  link: string;
  title: string;
  summary: string;
  author: string | null;
  publishedAt: Date;
  source: { name: string; language: Language };
}

/** An item as a feed parser gives it, before validation (the jobs' parseFeed makes these). */
export interface RawPartnerItem {
  /** RSS guid / Atom id / JSON Feed id (trimmed, null when empty). */
  guid: string | null;
  /** Absolute http(s) URL resolved against the feed URL, or null. */
  link: string | null;
  /** Plain text (entities decoded). */
  title: string | null;
  publishedAt: Date | null;
  /** HTML as the partner wrote it (plain-text fields are escaped into HTML); the caller sanitises. */
  summaryHtml: string | null;
  author: string | null;
}
