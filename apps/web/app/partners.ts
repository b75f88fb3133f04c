// Partner items as the site shows them: links out to other organisations' sites, which we relay but do not
// vouch for. Pure helpers (safe in the browser bundle) shared by the home page, /partners and the partners feed.
import { t, type Language } from './i18n.js';

export const PARTNERS_PAGE_SIZE = 20;
export const HOME_PARTNER_ITEMS = 5;
export const PARTNERS_FEED_SIZE = 20;
/** How much of a summary the home page shows: the full text is on /partners. */
export const HOME_SUMMARY_MAX = 160;

/** What a page needs to show one partner item (JSON-serialisable loader data). */
export interface PartnerListItem {
  id: string;
  /** The partner's page, or null when the stored link is not an http(s) address (then the title is not a link). */
  href: string | null;
  title: string;
  summary: string;
  author: string | null;
  source: string;
  language: Language;
  publishedAt: string;
  date: string;
}

/**
 * The stored link as an href only when it is http(s). The importer already refuses anything else; this keeps a
 * `javascript:` or `data:` address out of the page even if a bad row gets in some other way (React does not).
 */
export function externalHref(link: string): string | null {
  if (!URL.canParse(link)) return null;
  const url = new URL(link);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** At most `max` characters, cut at a word boundary when there is one nearby, with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/**
 * An item's title in the partners feed: the partner is credited in the title itself ("… (via Red Andina)"),
 * which every feed reader shows. RSS 2.0's <source> would need the partner feed's address, and <author> an
 * e-mail address, so neither fits.
 */
export function partnerFeedItemTitle(title: string, source: string, lang: Language): string {
  return `${title} (${t(lang).via(source)})`;
}

/**
 * The guid of an item in our partners feed: our own id for it (isPermaLink="false"), not the partner's link.
 * The id never changes once stored, whereas two partners can relay the same page, and a link can gain
 * tracking parameters or move from http to https — either would make readers show duplicates or lose items.
 */
export function partnerItemGuid(id: string): string {
  return `urn:ayni:partner-item:${id}`;
}
