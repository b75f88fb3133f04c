// Upcoming events as the home page and a campaign's pages list them: title, when (in the event's own zone), where,
// and the summary. Titles are not links yet: event pages come with the events work.
export interface EventItem {
  slug: string;
  title: string;
  summary: string;
  when: string;
  startsAt: string;
  venue: string;
}

export function EventList({ items, headingLevel }: { items: readonly EventItem[]; headingLevel?: 3 }) {
  return (
    <ul className="event-list">
      {items.map((e) => (
        <li key={e.slug}>
          {headingLevel === 3 ? (
            <h3 className="event-title">{e.title}</h3>
          ) : (
            <p className="event-title">{e.title}</p>
          )}
          <p>
            <time dateTime={e.startsAt}>{e.when}</time>
            {e.venue ? `, ${e.venue}` : ''}
          </p>
          {e.summary ? <p>{e.summary}</p> : null}
        </li>
      ))}
    </ul>
  );
}
