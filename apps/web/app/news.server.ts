// Shapes articles for the pages that list them, and the paginated listings (/news, /topics/:slug).
import { countPublishedNews, findTopic, listPublishedNews } from '@ayni/db';
import type { Article } from '@ayni/domain';
import { articlePath, inEachLanguage, newsListPath, topicPath } from '@ayni/domain/paths';
import type { NewsItem } from './components/news-list.js';
import { db } from './db.server.js';
import { formatDate, t, type Language } from './i18n.js';
import { seoFor } from './seo.server.js';
import { notFound, pageNumber, type SiteContext } from './site.server.js';

export const NEWS_PAGE_SIZE = 10;

export function newsItem(article: Article, lang: Language, timeZone: string): NewsItem {
  const publishedAt = article.publishedAt ?? article.updatedAt;
  return {
    path: articlePath(article),
    title: article.title,
    summary: article.summary,
    publishedAt: publishedAt.toISOString(),
    date: formatDate(publishedAt, lang, timeZone),
  };
}

/** One page of published news in the page's language, optionally for one topic. */
export async function newsListing(request: Request, ctx: SiteContext, topicSlug?: string) {
  const { lang, settings } = ctx;
  const text = t(lang);
  const topic = topicSlug === undefined ? null : await findTopic(db(), topicSlug, lang);
  if (topicSlug !== undefined && !topic) notFound();
  const page = pageNumber(request);
  const filter = { language: lang, ...(topic ? { topic: topic.slug } : {}) };
  const [total, articles] = await Promise.all([
    countPublishedNews(db(), filter),
    listPublishedNews(db(), { ...filter, limit: NEWS_PAGE_SIZE, offset: (page - 1) * NEWS_PAGE_SIZE }),
  ]);
  const pages = Math.max(1, Math.ceil(total / NEWS_PAGE_SIZE));
  if (page > pages) notFound();
  const listPath = (language: Language) => (topic ? topicPath(language, topic.slug) : newsListPath(language));
  const query = page > 1 ? `?page=${page}` : '';
  const heading = topic ? text.topicTitle(topic.name) : text.news;
  const title = `${heading}${page > 1 ? ` – ${text.pageOf(page, pages)}` : ''} – ${settings.organisationName}`;
  const description = topic
    ? text.topicDescription(topic.name)
    : text.newsDescription(settings.organisationName);
  // Page 2 in English is page 2 in Spanish only by accident, so the alternates point at each list's start.
  const { seo } = seoFor(ctx, {
    title,
    description,
    path: `${listPath(lang)}${query}`,
    alternates: page > 1 ? {} : inEachLanguage(listPath),
  });
  return {
    lang,
    heading,
    topic,
    page,
    pages,
    total,
    basePath: listPath(lang),
    items: articles.map((a) => newsItem(a, lang, settings.timeZone)),
    seo,
    alternatePaths: inEachLanguage(listPath),
  };
}
