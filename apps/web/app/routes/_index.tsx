import { listPublishedNews, listUpcomingEvents } from '@ayni/db';
import { formatEventDate, systemClock } from '@ayni/domain';
import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { db } from '../db.server.js';
import { formatNewsDate } from '../format.js';
import type { loader as rootLoader } from '../root.js';

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const site = matches.find((m) => m.id === 'root')?.data as { organisationName?: string } | undefined;
  return [
    { title: `Latest news – ${site?.organisationName ?? 'Ayni'}` },
    { name: 'description', content: `News, campaigns and events from ${site?.organisationName ?? 'Ayni'}.` },
  ];
};

export async function loader() {
  const [news, events] = await Promise.all([
    listPublishedNews(db(), { language: 'en', limit: 10 }),
    listUpcomingEvents(db(), systemClock.now(), 3),
  ]);
  return {
    news: news.map((a) => ({
      slug: a.slug,
      title: a.title,
      summary: a.summary,
      publishedAt: a.publishedAt!.toISOString(),
    })),
    events: events.map((e) => ({
      slug: e.slug,
      title: e.title,
      summary: e.summary,
      when: formatEventDate(e.startsAt, e.timeZone, 'en'),
      startsAt: e.startsAt.toISOString(),
      venue: e.venue?.name ?? (e.onlineUrl ? 'Online' : ''),
    })),
  };
}

export default function Home() {
  const { news, events } = useLoaderData<typeof loader>();
  const site = useRouteLoaderData<typeof rootLoader>('root');
  const timeZone = site?.timeZone ?? 'Europe/London';
  return (
    <div className="home">
      <section aria-labelledby="news-heading" className="news">
        <h1 id="news-heading">Latest news</h1>
        {news.length === 0 ? <p>No news has been published yet.</p> : null}
        <ul className="news-list">
          {news.map((item) => (
            <li key={item.slug}>
              <article>
                <h2>
                  <Link to={`/news/${item.slug}`}>{item.title}</Link>
                </h2>
                <p className="date">
                  <time dateTime={item.publishedAt}>{formatNewsDate(item.publishedAt, timeZone)}</time>
                </p>
                <p>{item.summary}</p>
              </article>
            </li>
          ))}
        </ul>
      </section>
      <aside className="sidebar">
        <section aria-labelledby="events-heading">
          <h2 id="events-heading">Upcoming events</h2>
          {events.length === 0 ? <p>No events are planned at the moment.</p> : null}
          <ul className="event-list">
            {events.map((e) => (
              <li key={e.slug}>
                <p className="event-title">{e.title}</p>
                <p>
                  <time dateTime={e.startsAt}>{e.when}</time>
                  {e.venue ? `, ${e.venue}` : ''}
                </p>
                <p>{e.summary}</p>
              </li>
            ))}
          </ul>
        </section>
        {site?.pages.some((p) => p.slug === 'join-us') ? (
          <section aria-labelledby="join-heading" className="join">
            <h2 id="join-heading">Why join?</h2>
            <p>Keep up with news from our partners, learn about the issues, and support the work.</p>
            <p>
              <Link to="/join-us" className="button">
                Become a member
              </Link>
            </p>
          </section>
        ) : null}
      </aside>
    </div>
  );
}
