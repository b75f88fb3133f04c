// The home page (/ and /es): the latest news, upcoming events, partners' news and the invitation to join.
import { listPublishedNews, listNavigationPages } from '@ayni/db';
import { articlePath, homePath, inEachLanguage, newsListPath, partnersPath } from '@ayni/domain/paths';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { EventList } from '../components/event-list.js';
import { NewsList } from '../components/news-list.js';
import { PartnerList } from '../components/partner-list.js';
import { db } from '../db.server.js';
import { upcomingEvents } from '../events.server.js';
import { t } from '../i18n.js';
import { newsItem } from '../news.server.js';
import { HOME_PARTNER_ITEMS, HOME_SUMMARY_MAX } from '../partners.js';
import { latestPartnerItems } from '../partners.server.js';
import { seoFor } from '../seo.server.js';
import { seoMeta } from '../seo.js';
import { siteContext } from '../site.server.js';

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await siteContext(request);
  const { lang, settings } = ctx;
  const text = t(lang);
  const [news, events, pages, partnerItems] = await Promise.all([
    listPublishedNews(db(), { language: lang, limit: 10 }),
    upcomingEvents(lang, 3),
    listNavigationPages(db(), lang),
    latestPartnerItems(lang, settings.timeZone, HOME_PARTNER_ITEMS),
  ]);
  return {
    lang,
    news: news.map((a) => newsItem(a, lang, settings.timeZone)),
    events,
    partnerItems,
    newsListPath: newsListPath(lang),
    partnersPath: partnersPath(lang),
    joinPath: pages.some((p) => p.slug === 'join-us')
      ? articlePath({ kind: 'page', language: lang, slug: 'join-us' })
      : null,
    ...seoFor(ctx, {
      title: `${text.latestNews} – ${settings.organisationName}`,
      description: text.siteDescription(settings.organisationName),
      path: homePath(lang),
      alternates: inEachLanguage(homePath),
    }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? seoMeta(data.seo) : []);

export default function Home() {
  const { lang, news, events, partnerItems, joinPath, newsListPath, partnersPath } =
    useLoaderData<typeof loader>();
  const text = t(lang);
  return (
    <div className="home">
      <section aria-labelledby="news-heading" className="news">
        <h1 id="news-heading">{text.latestNews}</h1>
        {news.length === 0 ? <p>{text.noNews}</p> : <NewsList items={news} />}
        <p className="more">
          <Link to={newsListPath}>{text.moreNews}</Link>
        </p>
      </section>
      <aside className="sidebar">
        <section aria-labelledby="events-heading">
          <h2 id="events-heading">{text.upcomingEvents}</h2>
          {events.length === 0 ? <p>{text.noEvents}</p> : null}
          <EventList items={events} />
        </section>
        {partnerItems.length > 0 ? (
          <section aria-labelledby="partners-heading" className="from-partners">
            <h2 id="partners-heading">{text.fromOurPartners}</h2>
            <PartnerList lang={lang} items={partnerItems} headingLevel={3} summaryMax={HOME_SUMMARY_MAX} />
            <p className="more">
              <Link to={partnersPath}>{text.allPartnerNews}</Link>
            </p>
          </section>
        ) : null}
        {joinPath ? (
          <section aria-labelledby="join-heading" className="join">
            <h2 id="join-heading">{text.whyJoin}</h2>
            <p>{text.whyJoinText}</p>
            <p>
              <Link to={joinPath} className="button">
                {text.becomeMember}
              </Link>
            </p>
          </section>
        ) : null}
      </aside>
    </div>
  );
}
