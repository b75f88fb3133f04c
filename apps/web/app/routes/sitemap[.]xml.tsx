// Every published news article and page in both languages, plus the home, news and partners pages, with
// translations linked.
import { listPublishedForSitemap } from '@ayni/db';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { cachedResource } from '../cache.server.js';
import { db } from '../db.server.js';
import { articlePath } from '../news.server.js';
import { siteContext } from '../site.server.js';
import { renderSitemap, type SitemapEntry } from '../sitemap.js';

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await siteContext(request);
  return cachedResource(request, 'application/xml; charset=utf-8', async () => {
    const articles = await listPublishedForSitemap(db());
    const byId = new Map(articles.map((a) => [a.id, a]));
    const bothLanguages = (path: string): SitemapEntry[] => {
      const alternates = [
        { hreflang: 'en', href: ctx.url('en', path) },
        { hreflang: 'es', href: ctx.url('es', path) },
        { hreflang: 'x-default', href: ctx.url('en', path) },
      ];
      return [
        { loc: ctx.url('en', path), alternates },
        { loc: ctx.url('es', path), alternates },
      ];
    };
    const entries: SitemapEntry[] = [
      ...bothLanguages('/'),
      ...bothLanguages('/news'),
      ...bothLanguages('/partners'),
    ];
    for (const article of articles) {
      const translation = article.translationId ? byId.get(article.translationId) : undefined;
      const own = `${ctx.siteUrl}${articlePath(article)}`;
      const alternates = translation
        ? [
            { hreflang: article.language, href: own },
            { hreflang: translation.language, href: `${ctx.siteUrl}${articlePath(translation)}` },
          ]
        : [];
      entries.push({ loc: own, lastmod: article.updatedAt.toISOString(), alternates });
    }
    return renderSitemap(entries);
  });
}
