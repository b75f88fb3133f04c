// Static pages (Aims, History, …) live at the top level: /aims, and /es/:slug for Spanish pages.
import { renderMarkdown } from '@ayni/domain/markdown';
import { articlePath } from '@ayni/domain/paths';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { findPublished, translationPaths } from '../article.server.js';
import { seoFor } from '../seo.server.js';
import { seoMeta } from '../seo.js';
import { siteContext } from '../site.server.js';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await siteContext(request);
  const { article, translation } = await findPublished(ctx.lang, 'page', params.slug ?? '');
  return {
    title: article.title,
    html: renderMarkdown(article.body),
    ...seoFor(ctx, {
      title: `${article.title} – ${ctx.settings.organisationName}`,
      description: article.summary,
      path: articlePath(article),
      alternates: translationPaths(article, translation),
      image: article.featuredImage,
    }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? seoMeta(data.seo) : []);

export default function StaticPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <article className="article">
      <h1>{page.title}</h1>
      <div className="body article-body" dangerouslySetInnerHTML={{ __html: page.html }} />
    </article>
  );
}
