// /news and /es/news: all published news, ten to a page (?page=N).
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { NewsListing } from '../components/news-listing.js';
import { newsListing } from '../news.server.js';
import { seoMeta } from '../seo.js';
import { siteContext } from '../site.server.js';
import { LISTING_PARAMS } from '../page-params.js';

/** The query parameters this page reads (see page-params.ts). */
export const handle = { pageParams: LISTING_PARAMS };

export async function loader({ request }: LoaderFunctionArgs) {
  return newsListing(request, await siteContext(request));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? seoMeta(data.seo) : []);

export default function News() {
  const data = useLoaderData<typeof loader>();
  return <NewsListing {...data} />;
}
