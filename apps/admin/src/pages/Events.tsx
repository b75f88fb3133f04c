// The events: three tabs — upcoming (soonest first), past (latest first), drafts — 25 at a time, the tab in the
// page's address; each event with its date in its own zone, its status and its registrations counted.
import { eventListTabs, formatDateTimeIn, type EventListItem, type EventListTab } from '@ayni/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { eventName, eventStatusLabels, placesInWords } from '../events/labels.js';
import { Link } from '../router.js';
import { useTRPC } from '../trpc.js';
import { DataTable, moreOf } from '../ui/DataTable.js';

const tabLabels: Readonly<Record<EventListTab, string>> = {
  upcoming: 'Upcoming',
  past: 'Past',
  drafts: 'Drafts',
};

function tabFromAddress(search: string): EventListTab {
  const tab = new URLSearchParams(search).get('tab') ?? '';
  return (eventListTabs as readonly string[]).includes(tab) ? (tab as EventListTab) : 'upcoming';
}

export function Events({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const [tab, setTab] = useState(() => tabFromAddress(window.location.search));
  const list = useInfiniteQuery(
    trpc.events.list.infiniteQueryOptions(
      { tab, limit: 25 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const events = list.data?.pages.flatMap((p) => p.events);

  useEffect(() => {
    const address = tab === 'upcoming' ? '/events' : `/events?tab=${tab}`;
    if (address !== window.location.pathname + window.location.search) {
      window.history.replaceState(window.history.state, '', address);
    }
  }, [tab]);

  return (
    <>
      <div className="page-head">
        <h1>Events</h1>
        {canEdit ? (
          <Link to="/events/new" className="button-link">
            New event
          </Link>
        ) : null}
      </div>
      <p>
        Talks, vigils and screenings, each with its page on the site in English, Spanish or both. A draft is
        seen only here; publish it to put it on the site. Times are in each event’s own time zone.
      </p>
      <div className="view-switch" role="group" aria-label="Which events">
        {eventListTabs.map((t) => (
          <button
            key={t}
            type="button"
            className="secondary"
            aria-pressed={tab === t}
            onClick={() => setTab(t)}
          >
            {tabLabels[t]}
          </button>
        ))}
      </div>
      <DataTable<EventListItem>
        caption={`${tabLabels[tab]} events`}
        rows={events}
        rowKey={(e) => e.id}
        loadingText="Loading events…"
        error={list.isError ? `Could not load the events: ${list.error.message}` : null}
        empty={
          <p>
            {tab === 'drafts' ? 'No drafts.' : tab === 'past' ? 'No past events.' : 'No upcoming events.'}{' '}
            {canEdit && tab !== 'past' ? <Link to="/events/new">Create one.</Link> : null}
          </p>
        }
        more={moreOf(list, 'Show more')}
        columns={[
          {
            header: 'Event',
            rowHeader: true,
            cell: (e) => <Link to={`/events/${e.id}`}>{eventName(e.titles)}</Link>,
          },
          {
            header: 'Status',
            cell: (e) => <span className={`badge event-${e.status}`}>{eventStatusLabels[e.status]}</span>,
          },
          {
            header: 'When',
            cell: (e) => (
              <>
                <time dateTime={e.startsAt.toISOString()}>{formatDateTimeIn(e.startsAt, e.timeZone)}</time>
                <span className="detail"> {e.timeZone}</span>
              </>
            ),
          },
          { header: 'Registrations', cell: (e) => placesInWords(e) },
          {
            header: 'Registrations list',
            hiddenHeader: true,
            cell: (e) =>
              e.registrationMode === 'here' ? (
                <Link to={`/events/${e.id}/registrations`}>
                  Registrations<span className="sr-only"> for {eventName(e.titles)}</span>
                </Link>
              ) : null,
          },
        ]}
      />
    </>
  );
}
