// /partners and /es/partners: partner organisations' news in the page's language, twenty to a page (?page=N),
// each a link out; with the partners feed advertised in the head.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { PartnerList } from '../components/partner-list.js';
import { Pagination } from '../components/pagination.js';
import { t } from '../i18n.js';
import { partnersListing } from '../partners.server.js';
import { seoMeta } from '../seo.js';
import { siteContext } from '../site.server.js';
import { LISTING_PARAMS } from '../page-params.js';

/** The query parameters this page reads (see page-params.ts). */
export const handle = { pageParams: LISTING_PARAMS };

export async function loader({ request }: LoaderFunctionArgs) {
  return partnersListing(request, await siteContext(request));
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        ...seoMeta(data.seo),
        {
          tagName: 'link',
          rel: 'alternate',
          type: 'application/rss+xml',
          href: data.feedPath,
          title: data.feedTitle,
        },
      ]
    : [];

export default function Partners() {
  const { lang, page, pages, basePath, feedPath, items } = useLoaderData<typeof loader>();
  const text = t(lang);
  return (
    <section className="listing partners" aria-labelledby="listing-heading">
      <h1 id="listing-heading">
        {text.partnersHeading}
        {page > 1 ? <span className="page-of"> – {text.pageOf(page, pages)}</span> : null}
      </h1>
      <p className="intro">{text.partnersIntro}</p>
      {items.length === 0 ? <p>{text.noPartnerNews}</p> : <PartnerList lang={lang} items={items} />}
      <Pagination
        lang={lang}
        page={page}
        pages={pages}
        href={(n) => (n === 1 ? basePath : `${basePath}?page=${n}`)}
      />
      <p className="more">
        {text.subscribe} <a href={feedPath}>RSS</a>
      </p>
    </section>
  );
}
