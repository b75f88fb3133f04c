// Static pages (Aims, History, …) live at the top level: /aims, /history.
import { findArticleBySlug } from '@ayni/db';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { db } from '../db.server.js';
import { renderMarkdown } from '../markdown.server.js';

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findArticleBySlug(db(), 'en', params.slug ?? '');
  if (!found || found.article.kind !== 'page') throw new Response('Not found', { status: 404 });
  if (found.article.status === 'archived') throw new Response('Gone', { status: 410 });
  if (found.article.status !== 'published') throw new Response('Not found', { status: 404 });
  if (found.redirected) throw redirect(`/${found.currentSlug}`, 301);
  return {
    title: found.article.title,
    summary: found.article.summary,
    html: renderMarkdown(found.article.body),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: data.title }, { name: 'description', content: data.summary }]
    : [{ title: 'Page not found' }];

export default function StaticPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <article className="article">
      <h1>{page.title}</h1>
      <div className="body" dangerouslySetInnerHTML={{ __html: page.html }} />
    </article>
  );
}
