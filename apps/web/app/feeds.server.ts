// The news feeds at stable URLs — /feed.xml (RSS 2.0), /atom.xml, /feed.json (JSON Feed 1.1) — for all news or
// one topic, in the language of the URL. The 20 latest items, bodies rendered with the same safe Markdown.
import { findTopic, listPublishedNews } from '@ayni/db';
import type { Article } from '@ayni/domain';
import { renderMarkdown } from '@ayni/domain/markdown';
import { articlePath, feedPath, homePath, topicPath, type FeedFormat } from '@ayni/domain/paths';
import { Feed } from 'feed';
import { xmlHtmlText, xmlText } from './xml-text.js';
import { cachedResource } from './cache.server.js';
import { db } from './db.server.js';
import { t } from './i18n.js';
import { serializeJsonFeed } from './json-feed.js';
import { notFound, siteContext } from './site.server.js';

export const FEED_SIZE = 20;

const contentTypes: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export async function feedResponse(
  request: Request,
  format: FeedFormat,
  topicSlug?: string,
): Promise<Response> {
  const ctx = await siteContext(request);
  const topic = topicSlug === undefined ? null : await findTopic(db(), topicSlug, ctx.lang);
  if (topicSlug !== undefined && !topic) notFound();
  return cachedResource(request, contentTypes[format], async () => {
    const { lang, settings } = ctx;
    const text = t(lang);
    const articles = await listPublishedNews(db(), {
      language: lang,
      limit: FEED_SIZE,
      ...(topic ? { topic: topic.slug } : {}),
    });
    const title = `${settings.organisationName} – ${topic ? text.topicTitle(topic.name) : text.news}`;
    const description = topic
      ? text.topicDescription(topic.name)
      : text.siteDescription(settings.organisationName);
    const home = ctx.url(topic ? topicPath(lang, topic.slug) : homePath(lang));
    const feedUrl = (other: FeedFormat) => ctx.url(feedPath(lang, other, topic?.slug));
    const link = (a: Article) => ctx.url(articlePath(a));
    const published = (a: Article) => a.publishedAt ?? a.updatedAt;

    if (format === 'json') {
      return serializeJsonFeed({
        version: 'https://jsonfeed.org/version/1.1',
        title,
        description,
        home_page_url: home,
        feed_url: feedUrl('json'),
        language: lang,
        authors: [{ name: settings.organisationName, url: ctx.siteUrl }],
        items: articles.map((a) => ({
          id: link(a),
          url: link(a),
          title: a.title,
          content_html: renderMarkdown(a.body),
          summary: a.summary,
          ...(a.featuredImage ? { image: a.featuredImage.url } : {}),
          date_published: published(a).toISOString(),
          date_modified: a.updatedAt.toISOString(),
          tags: a.topics,
          language: a.language,
        })),
      });
    }

    const newest = articles.reduce<Date | null>(
      (max, a) => (max === null || a.updatedAt > max ? a.updatedAt : max),
      null,
    );
    const feed = new Feed({
      id: home,
      title: xmlText(title),
      description: xmlText(description),
      link: home,
      language: lang,
      updated: newest ?? new Date(0),
      generator: 'Ayni',
      copyright: xmlText(`© ${settings.organisationName}`),
      feedLinks: { rss: feedUrl('rss'), atom: feedUrl('atom'), json: feedUrl('json') },
      author: { name: xmlText(settings.organisationName), link: ctx.siteUrl },
    });
    for (const a of articles) {
      feed.addItem({
        id: link(a),
        guid: link(a),
        link: link(a),
        // Titles and summaries are plain text. Atom's feed package marks both type="html", and an RSS description
        // is HTML to every reader; an RSS title is plain text (RSS 2.0; as in our partners feed).
        title: format === 'atom' ? xmlHtmlText(a.title) : xmlText(a.title),
        description: xmlHtmlText(a.summary),
        content: xmlText(renderMarkdown(a.body)),
        date: a.updatedAt,
        published: published(a),
        category: a.topics.map((name) => ({ name, term: name })),
        ...(a.featuredImage ? { image: a.featuredImage.url } : {}),
      });
    }
    return format === 'rss' ? feed.rss2() : feed.atom1();
  });
}
