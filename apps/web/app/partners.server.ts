// Partner news on the site: the home page's "From our partners", the paginated /partners listing and the
// partners RSS feed, each in the page's language (items carry their feed's language).
import { countPublicPartnerItems, listPublicPartnerItems } from '@ayni/db';
import type { PublicPartnerItem } from '@ayni/domain';
import { inEachLanguage, partnersFeedPath, partnersPath } from '@ayni/domain/paths';
import { Feed } from 'feed';
import { escapeHtml, xmlText } from './xml-text.js';
import { cachedResource } from './cache.server.js';
import { db } from './db.server.js';
import { formatDate, t, type Language } from './i18n.js';
import {
  externalHref,
  PARTNERS_FEED_SIZE,
  PARTNERS_PAGE_SIZE,
  partnerFeedItemTitle,
  partnerItemGuid,
  type PartnerListItem,
} from './partners.js';
import { seoFor } from './seo.server.js';
import { notFound, pageNumber, siteContext, type SiteContext } from './site.server.js';

export function partnerListItem(item: PublicPartnerItem, lang: Language, timeZone: string): PartnerListItem {
  return {
    id: item.id,
    href: externalHref(item.link),
    title: item.title,
    summary: item.summary,
    author: item.author,
    source: item.source.name,
    language: item.source.language,
    publishedAt: item.publishedAt.toISOString(),
    date: formatDate(item.publishedAt, lang, timeZone),
  };
}

/** The newest items in the page's language, for the home page. */
export async function latestPartnerItems(
  lang: Language,
  timeZone: string,
  limit: number,
): Promise<PartnerListItem[]> {
  const items = await listPublicPartnerItems(db(), { language: lang, limit });
  return items.map((i) => partnerListItem(i, lang, timeZone));
}

/** One page of /partners or /es/partners (?page=N); a page past the end is a 404, like /news. */
export async function partnersListing(request: Request, ctx: SiteContext) {
  const { lang, settings } = ctx;
  const text = t(lang);
  const page = pageNumber(request);
  const [total, items] = await Promise.all([
    countPublicPartnerItems(db(), { language: lang }),
    listPublicPartnerItems(db(), {
      language: lang,
      limit: PARTNERS_PAGE_SIZE,
      offset: (page - 1) * PARTNERS_PAGE_SIZE,
    }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PARTNERS_PAGE_SIZE));
  if (page > pages) notFound();
  const query = page > 1 ? `?page=${page}` : '';
  const title = `${text.partnersHeading}${page > 1 ? ` – ${text.pageOf(page, pages)}` : ''} – ${settings.organisationName}`;
  // As on /news: page 2 of one language is not page 2 of the other, so only page 1 has an hreflang pair.
  const { seo } = seoFor(ctx, {
    title,
    description: text.partnersDescription(settings.organisationName),
    path: `${partnersPath(lang)}${query}`,
    alternates: page > 1 ? {} : inEachLanguage(partnersPath),
  });
  return {
    lang,
    page,
    pages,
    basePath: partnersPath(lang),
    feedPath: partnersFeedPath(lang),
    feedTitle: text.rssFeed(`${settings.organisationName} – ${text.fromOurPartners}`),
    items: items.map((i) => partnerListItem(i, lang, settings.timeZone)),
    seo,
    alternatePaths: inEachLanguage(partnersPath),
  };
}

/** /partners/feed.xml and /es/partners/feed.xml: RSS 2.0, the latest partner items in the URL's language. */
export async function partnersFeedResponse(request: Request): Promise<Response> {
  const ctx = await siteContext(request);
  return cachedResource(request, 'application/rss+xml; charset=utf-8', async () => {
    const { lang, settings } = ctx;
    const text = t(lang);
    const items = await listPublicPartnerItems(db(), { language: lang, limit: PARTNERS_FEED_SIZE });
    const home = ctx.url(partnersPath(lang));
    const newest = items.reduce<Date | null>(
      (max, i) => (max === null || i.publishedAt > max ? i.publishedAt : max),
      null,
    );
    // No copyright line: the items are the partners' words, not ours.
    const feed = new Feed({
      id: home,
      title: xmlText(`${settings.organisationName} – ${text.fromOurPartners}`),
      description: xmlText(text.partnersIntro),
      link: home,
      language: lang,
      updated: newest ?? new Date(0),
      generator: 'Ayni',
      feedLinks: { rss: ctx.url(partnersFeedPath(lang)) },
      author: { name: xmlText(settings.organisationName), link: ctx.siteUrl },
    });
    for (const item of items) {
      const link = externalHref(item.link);
      if (!link) continue;
      const guid = partnerItemGuid(item.id);
      feed.addItem({
        id: guid,
        guid,
        link,
        // Titles are plain text (as in our news feed); descriptions are HTML to readers, so the summary —
        // plain text that may well contain "<" — is escaped.
        title: xmlText(partnerFeedItemTitle(item.title, item.source.name, lang)),
        ...(item.summary ? { description: xmlText(`<p>${escapeHtml(item.summary)}</p>`) } : {}),
        date: item.publishedAt,
        // RSS's own <author> must be an e-mail address; Dublin Core's creator takes a name.
        ...(item.author
          ? {
              extensions: [
                {
                  name: 'dc:creator',
                  objects: {
                    _attributes: { 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' },
                    _text: xmlText(item.author),
                  },
                },
              ],
            }
          : {}),
      });
    }
    return feed.rss2();
  });
}
