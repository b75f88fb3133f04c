// /topics/:slug and /es/topics/:slug: the news on one topic, paginated like /news, with the topic's feeds.
import { feedPath, type FeedFormat } from '@ayni/domain/paths';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { NewsListing } from '../components/news-listing.js';
import { t } from '../i18n.js';
import { newsListing } from '../news.server.js';
import { seoMeta } from '../seo.js';
import { siteContext } from '../site.server.js';
import { LISTING_PARAMS } from '../page-params.js';

/** The query parameters this page reads (see page-params.ts). */
export const handle = { pageParams: LISTING_PARAMS };

export async function loader({ request, params }: LoaderFunctionArgs) {
  return newsListing(request, await siteContext(request), params.slug ?? '');
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data?.topic) return [];
  const text = t(data.lang);
  const { lang, topic } = data;
  const feed = (format: FeedFormat) => feedPath(lang, format, topic.slug);
  return [
    ...seoMeta(data.seo),
    {
      tagName: 'link',
      rel: 'alternate',
      type: 'application/rss+xml',
      href: feed('rss'),
      title: text.rssFeed(data.heading),
    },
    {
      tagName: 'link',
      rel: 'alternate',
      type: 'application/atom+xml',
      href: feed('atom'),
      title: text.atomFeed(data.heading),
    },
    {
      tagName: 'link',
      rel: 'alternate',
      type: 'application/feed+json',
      href: feed('json'),
      title: text.jsonFeed(data.heading),
    },
  ];
};

export default function Topic() {
  const data = useLoaderData<typeof loader>();
  return <NewsListing {...data} empty={t(data.lang).noTopicNews} />;
}
