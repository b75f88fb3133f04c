// Every published news article and page in both languages, plus the home, news and partners pages, with
// translations linked.
import { listPublishedForSitemap } from '@ayni/db';
import type { Language } from '@ayni/domain/locale';
import { articlePath, homePath, inEachLanguage, newsListPath, partnersPath } from '@ayni/domain/paths';
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
    const entries: SitemapEntry[] = [
      ...bothLanguages(homePath),
      ...bothLanguages(newsListPath),
      ...bothLanguages(partnersPath),
    ];
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
