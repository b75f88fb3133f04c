// Upcoming (or past) events as the home page, a campaign's pages and /events list them: the title linking to the
// event's page, when (in the event's own zone), where, the summary, and a note such as "Cancelled".
import { Link } from '@remix-run/react';

export interface EventItem {
  path: string;
  title: string;
  summary: string;
  when: string;
  startsAt: string;
  venue: string;
  /** Said before the title ("Cancelled"), when there is something to say. */
  note?: string;
}

export function EventList({ items, headingLevel }: { items: readonly EventItem[]; headingLevel?: 3 }) {
  return (
    <ul className="event-list">
      {items.map((e) => {
        const title = (
          <>
            {e.note ? <span className="event-note">{e.note}: </span> : null}
            <Link to={e.path}>{e.title}</Link>
          </>
        );
        return (
          <li key={e.path}>
            {headingLevel === 3 ? (
              <h3 className="event-title">{title}</h3>
            ) : (
              <p className="event-title">{title}</p>
            )}
            <p>
              <time dateTime={e.startsAt}>{e.when}</time>
              {e.venue ? `, ${e.venue}` : ''}
            </p>
            {e.summary ? <p>{e.summary}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
