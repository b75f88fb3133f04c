// /search?q= and /es/search?q=: a GET form (works without JavaScript), ranked results with highlighted excerpts.
import { searchPublished } from '@ayni/db';
import { articlePath, inEachLanguage, searchPath } from '@ayni/domain/paths';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { Pagination } from '../components/pagination.js';
import { db } from '../db.server.js';
import { formatDate, t } from '../i18n.js';
import { seoFor } from '../seo.server.js';
import { seoMeta } from '../seo.js';
import { pageNumber, siteContext } from '../site.server.js';
import { SEARCH_PARAMS } from '../page-params.js';

const PAGE_SIZE = 10;
const MAX_QUERY = 200;

/** The query parameters this page reads (see page-params.ts). */
export const handle = { pageParams: SEARCH_PARAMS };

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await siteContext(request);
  const { lang, settings } = ctx;
  const text = t(lang);
  const query = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, MAX_QUERY);
  const page = pageNumber(request);
  const found = query
    ? await searchPublished(db(), { query, language: lang, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
    : { results: [], total: 0 };
  const pages = Math.max(1, Math.ceil(found.total / PAGE_SIZE));
  const title = query ? text.searchResultsFor(found.total, query) : text.searchTitle;
  return {
    lang,
    query,
    page,
    pages,
    total: found.total,
    results: found.results.map(({ article, excerptHtml }) => {
      const when = article.publishedAt ?? article.updatedAt;
      return {
        path: articlePath(article),
        title: article.title,
        excerptHtml,
        publishedAt: when.toISOString(),
        date: article.kind === 'news' ? formatDate(when, lang, settings.timeZone) : null,
      };
    }),
    ...seoFor(ctx, {
      title: `${title} – ${settings.organisationName}`,
      description: text.searchPrompt,
      path: searchPath(lang),
      alternates: inEachLanguage(searchPath),
    }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [...seoMeta(data.seo), { name: 'robots', content: 'noindex' }] : [];

export default function Search() {
  const { lang, query, page, pages, total, results } = useLoaderData<typeof loader>();
  const text = t(lang);
  const action = searchPath(lang);
  return (
    <section className="search" aria-labelledby="search-heading">
      <h1 id="search-heading">{text.searchTitle}</h1>
      <Form method="get" action={action} role="search" className="search-form">
        <label htmlFor="search-q">{text.searchLabel}</label>
        <div className="search-row">
          <input id="search-q" type="search" name="q" defaultValue={query} maxLength={MAX_QUERY} />
          <button type="submit">{text.searchButton}</button>
        </div>
      </Form>
      {!query ? <p>{text.searchPrompt}</p> : null}
      {query && total === 0 ? (
        <p role="status" className="search-count">
          {text.noResults(query)}
        </p>
      ) : null}
      {query && total > 0 ? (
        <>
          <p role="status" className="search-count">
            {text.searchResultsFor(total, query)}
          </p>
          <h2 className="visually-hidden">{text.searchResults}</h2>
          <ol className="search-results news-list" start={(page - 1) * PAGE_SIZE + 1}>
            {results.map((r) => (
              <li key={r.path}>
                <article>
                  <h3>
                    <Link to={r.path}>{r.title}</Link>
                  </h3>
                  {r.date ? (
                    <p className="date">
                      <time dateTime={r.publishedAt}>{r.date}</time>
                    </p>
                  ) : null}
                  <p className="excerpt" dangerouslySetInnerHTML={{ __html: r.excerptHtml }} />
                </article>
              </li>
            ))}
          </ol>
          <Pagination
            lang={lang}
            page={page}
            pages={pages}
            href={(n) => `${action}?q=${encodeURIComponent(query)}${n > 1 ? `&page=${n}` : ''}`}
          />
        </>
      ) : null}
    </section>
  );
}
