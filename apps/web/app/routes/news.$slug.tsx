// /news/:slug and /es/news/:slug: one news article, with its topics, translation and related news.
import { findTopic, listRelatedArticles } from '@ayni/db';
import { renderMarkdown } from '@ayni/domain/markdown';
import { articlePath, newsListPath, topicPath } from '@ayni/domain/paths';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { findPublished, translationPaths } from '../article.server.js';
import { NewsList } from '../components/news-list.js';
import { db } from '../db.server.js';
import { formatDate, t } from '../i18n.js';
import { newsItem } from '../news.server.js';
import { seoFor } from '../seo.server.js';
import { seoMeta, serializeJsonLd } from '../seo.js';
import { siteContext } from '../site.server.js';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await siteContext(request);
  const { lang, settings } = ctx;
  const { article, translation } = await findPublished(lang, 'news', params.slug ?? '');
  const [topics, related] = await Promise.all([
    Promise.all(
      article.topics.map(async (slug) => (await findTopic(db(), slug, lang)) ?? { slug, name: slug }),
    ),
    listRelatedArticles(db(), article, 3),
  ]);
  const publishedAt = (article.publishedAt ?? article.updatedAt).toISOString();
  const modifiedAt = article.updatedAt.toISOString();
  const { seo, alternatePaths } = seoFor(ctx, {
    title: `${article.title} – ${settings.organisationName}`,
    description: article.summary,
    path: articlePath(article),
    alternates: translationPaths(article, translation),
    type: 'article',
    image: article.featuredImage,
    publishedTime: publishedAt,
    modifiedTime: modifiedAt,
  });
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    datePublished: publishedAt,
    dateModified: modifiedAt,
    inLanguage: article.language,
    mainEntityOfPage: seo.url,
    url: seo.url,
    ...(article.featuredImage ? { image: [article.featuredImage.url] } : {}),
    publisher: { '@type': 'Organization', name: settings.organisationName, url: ctx.siteUrl },
  };
  return {
    lang,
    newsListPath: newsListPath(lang),
    title: article.title,
    summary: article.summary,
    publishedAt,
    date: formatDate(publishedAt, lang, settings.timeZone),
    image: article.featuredImage,
    html: renderMarkdown(article.body),
    topics: topics.map((topic) => ({ name: topic.name, path: topicPath(lang, topic.slug) })),
    translation: translation
      ? { path: alternatePaths[translation.language]!, lang: translation.language }
      : null,
    related: related.map((a) => newsItem(a, lang, settings.timeZone)),
    jsonLd: serializeJsonLd(jsonLd),
    seo,
    alternatePaths,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? seoMeta(data.seo) : []);

export default function ArticlePage() {
  const article = useLoaderData<typeof loader>();
  const text = t(article.lang);
  return (
    <article className="article">
      <h1>{article.title}</h1>
      <p className="date">
        <time dateTime={article.publishedAt}>{article.date}</time>
      </p>
      {article.translation ? (
        <p className="translation">
          <Link
            to={article.translation.path}
            lang={article.translation.lang}
            hrefLang={article.translation.lang}
          >
            {text.readTranslation}
          </Link>
        </p>
      ) : null}
      {article.image ? <img className="featured" src={article.image.url} alt={article.image.alt} /> : null}
      <p className="summary">{article.summary}</p>
      <div className="body article-body" dangerouslySetInnerHTML={{ __html: article.html }} />
      {article.topics.length > 0 ? (
        <section className="topics" aria-labelledby="topics-heading">
          <h2 id="topics-heading">{text.topics}</h2>
          <ul>
            {article.topics.map((topic) => (
              <li key={topic.path}>
                <Link to={topic.path}>{topic.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {article.related.length > 0 ? (
        <section className="related" aria-labelledby="related-heading">
          <h2 id="related-heading">{text.related}</h2>
          <NewsList items={article.related} headingLevel={3} />
        </section>
      ) : null}
      <p>
        <Link to={article.newsListPath}>← {text.backToNews}</Link>
      </p>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: article.jsonLd }} />
    </article>
  );
}
