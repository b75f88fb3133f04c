// /events/:slug and /es/events/:slug: one event — whether it is off or moved, when (in its own zone, the zone
// named), where (with an OpenStreetMap link), in person or online, access, places, the campaign it belongs to, the
// other language's version and "Add to calendar" — with schema.org Event JSON-LD. Registration comes later.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { eventText } from '../event-text.js';
import { eventPage } from '../events.server.js';
import { seoMeta } from '../seo.js';
import { siteContext } from '../site.server.js';

export async function loader({ request, params }: LoaderFunctionArgs) {
  return eventPage(await siteContext(request), params.slug ?? '');
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? seoMeta(data.seo) : []);

export default function EventPage() {
  const page = useLoaderData<typeof loader>();
  const text = eventText(page.lang);
  const other = page.translation;
  return (
    <article className="event">
      {page.status === 'cancelled' || page.status === 'rescheduled' ? (
        <div className={`notice ${page.status}`} role="status">
          <p>{page.status === 'cancelled' ? text.cancelledNotice : text.rescheduledNotice}</p>
        </div>
      ) : null}
      <h1>{page.title}</h1>
      {page.summary ? <p className="lede">{page.summary}</p> : null}
      {other ? (
        <p className="translation">
          <Link to={page.alternatePaths[other]!} lang={other} hrefLang={other}>
            {text.readTranslation}
          </Link>
        </p>
      ) : null}
      <dl className="event-facts">
        <dt>{text.when}</dt>
        <dd>
          <time dateTime={page.startDate}>{page.when}</time>
          <br />
          <a href={page.calendarPath} type="text/calendar">
            {text.addToCalendar}
          </a>
        </dd>
        <dt>{text.where}</dt>
        <dd>
          <p>{page.attendance}</p>
          {page.venue ? (
            <address>
              {page.venue.name}
              {page.venue.address ? (
                <>
                  <br />
                  {page.venue.address}
                </>
              ) : null}
              <br />
              <a href={page.venue.mapUrl}>{text.findOnMap(page.venue.name)}</a>
            </address>
          ) : null}
          {page.online ? <p>{text.onlineNote}</p> : null}
        </dd>
        {page.accessibility ? (
          <>
            <dt>{text.accessibility}</dt>
            <dd>{page.accessibility}</dd>
          </>
        ) : null}
        {page.places ? (
          <>
            <dt>{text.placesHeading}</dt>
            <dd>{page.places}</dd>
          </>
        ) : null}
        {page.campaign ? (
          <>
            <dt>{text.partOf}</dt>
            <dd>
              <Link to={page.campaign.path}>{page.campaign.title}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      <div className="body" dangerouslySetInnerHTML={{ __html: page.html }} />
      <p>
        <Link to={page.listPath}>← {text.allEvents}</Link>
      </p>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: page.jsonLd }} />
    </article>
  );
}
