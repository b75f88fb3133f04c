// Every published news article and page in both languages, every launched campaign, every event with a page,
// plus the home, news, partners, campaigns and events pages, with translations linked.
import { listEventsWithPages, listPublishedForSitemap, listSiteCampaigns } from '@ayni/db';
import type { Language } from '@ayni/domain/locale';
import {
  articlePath,
  campaignListPath,
  campaignPath,
  eventListPath,
  eventPath,
  homePath,
  inEachLanguage,
  newsListPath,
  partnersPath,
} from '@ayni/domain/paths';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { cachedResource } from '../cache.server.js';
import { db } from '../db.server.js';
import { siteContext } from '../site.server.js';
import { renderSitemap, type SitemapEntry } from '../sitemap.js';

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await siteContext(request);
  return cachedResource(request, 'application/xml; charset=utf-8', async () => {
    const articles = await listPublishedForSitemap(db());
    const byId = new Map(articles.map((a) => [a.id, a]));
    const bothLanguages = (path: (language: Language) => string): SitemapEntry[] => {
      const urls = Object.entries(inEachLanguage(path)).map(([language, p]) => ({
        hreflang: language,
        href: ctx.url(p),
      }));
      const alternates = [...urls, { hreflang: 'x-default', href: ctx.url(path('en')) }];
      return urls.map((url) => ({ loc: url.href, alternates }));
    };
    /** A thing with texts per language (a campaign, an event): one entry per language, its languages linked. */
    const translatedEntries = (
      thing: { translations: Partial<Record<Language, { slug: string }>>; updatedAt: Date },
      path: (language: Language, slug: string) => string,
    ): SitemapEntry[] => {
      const urls = Object.entries(thing.translations).map(([l, t]) => ({
        hreflang: l,
        href: ctx.url(path(l as Language, t.slug)),
      }));
      const lastmod = thing.updatedAt.toISOString();
      return urls.map((url) => ({ loc: url.href, lastmod, alternates: urls.length > 1 ? urls : [] }));
    };
    const entries: SitemapEntry[] = [
      ...bothLanguages(homePath),
      ...bothLanguages(newsListPath),
      ...bothLanguages(partnersPath),
      ...bothLanguages(campaignListPath),
      ...bothLanguages(eventListPath),
    ];
    // Each launched campaign once per language it is written in, its languages linked.
    const seen = new Set<string>();
    for (const language of ['en', 'es'] as const) {
      for (const { campaign } of await listSiteCampaigns(db(), language)) {
        if (seen.has(campaign.id)) continue;
        seen.add(campaign.id);
        entries.push(...translatedEntries(campaign, campaignPath));
      }
    }
    // Each event with a page (cancelled ones too: they say so) once per language it is written in.
    for (const event of await listEventsWithPages(db())) entries.push(...translatedEntries(event, eventPath));
    for (const article of articles) {
      const translation = article.translationId ? byId.get(article.translationId) : undefined;
      const own = ctx.url(articlePath(article));
      const alternates = translation
        ? [
            { hreflang: article.language, href: own },
            { hreflang: translation.language, href: ctx.url(articlePath(translation)) },
          ]
        : [];
      entries.push({ loc: own, lastmod: article.updatedAt.toISOString(), alternates });
    }
    return renderSitemap(entries);
  });
}
