import { findArticleBySlug } from '@ayni/db';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Link, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { db } from '../db.server.js';
import { formatNewsDate } from '../format.js';
import { renderMarkdown } from '../markdown.server.js';
import type { loader as rootLoader } from '../root.js';

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findArticleBySlug(db(), 'en', params.slug ?? '');
  if (!found || found.article.kind !== 'news') throw new Response('Not found', { status: 404 });
  const { article } = found;
  if (article.status === 'archived') throw new Response('Gone', { status: 410 });
  if (article.status !== 'published') throw new Response('Not found', { status: 404 });
  if (found.redirected) throw redirect(`/news/${found.currentSlug}`, 301);
  return {
    title: article.title,
    summary: article.summary,
    publishedAt: article.publishedAt!.toISOString(),
    html: renderMarkdown(article.body),
    topics: article.topics,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: data.title }, { name: 'description', content: data.summary }]
    : [{ title: 'Page not found' }];

export default function ArticlePage() {
  const article = useLoaderData<typeof loader>();
  const site = useRouteLoaderData<typeof rootLoader>('root');
  return (
    <article className="article">
      <h1>{article.title}</h1>
      <p className="date">
        <time dateTime={article.publishedAt}>
          {formatNewsDate(article.publishedAt, site?.timeZone ?? 'Europe/London')}
        </time>
      </p>
      <p className="summary">{article.summary}</p>
      <div className="body" dangerouslySetInnerHTML={{ __html: article.html }} />
      <p>
        <Link to="/">← Latest news</Link>
      </p>
    </article>
  );
}
