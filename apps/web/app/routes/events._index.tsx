// /events and /es/events: upcoming events soonest first (cancelled ones marked), then past events, the latest
// first, ten to a page (?page=N; later pages list past events only). In the page's language only.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { EventList } from '../components/event-list.js';
import { Pagination } from '../components/pagination.js';
import { eventText } from '../event-text.js';
import { eventsListing } from '../events.server.js';
import { t } from '../i18n.js';
import { LISTING_PARAMS } from '../page-params.js';
import { seoMeta } from '../seo.js';
import { siteContext } from '../site.server.js';

/** The query parameters this page reads (see page-params.ts). */
export const handle = { pageParams: LISTING_PARAMS };

export async function loader({ request }: LoaderFunctionArgs) {
  return eventsListing(request, await siteContext(request));
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? seoMeta(data.seo) : []);

export default function Events() {
  const page = useLoaderData<typeof loader>();
  const text = eventText(page.lang);
  return (
    <section className="listing" aria-labelledby="listing-heading">
      <h1 id="listing-heading">
        {text.events}
        {page.page > 1 ? (
          <span className="page-of"> – {t(page.lang).pageOf(page.page, page.pages)}</span>
        ) : null}
      </h1>
      {page.page === 1 ? (
        <section aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading">{text.upcoming}</h2>
          {page.upcoming.length === 0 ? (
            <p>{text.noUpcoming}</p>
          ) : (
            <EventList items={page.upcoming} headingLevel={3} />
          )}
          <p>
            <a href={page.feedPath} type="text/calendar">
              {text.subscribe}
            </a>
          </p>
        </section>
      ) : null}
      {page.past.length > 0 ? (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading">{text.past}</h2>
          <EventList items={page.past} headingLevel={3} />
        </section>
      ) : null}
      <Pagination
        lang={page.lang}
        page={page.page}
        pages={page.pages}
        href={(n) => (n === 1 ? page.basePath : `${page.basePath}?page=${n}`)}
      />
    </section>
  );
}
