// The check-in list to print for the door: everyone with a place, by name, with a box to tick and — for staff who
// may read them — their access needs. Printing leaves out the admin's navigation and buttons (print CSS).
import { eventTitle, formatEventWhen } from '@ayni/domain';
import { useQuery } from '@tanstack/react-query';
import { Link } from '../router.js';
import { errorMessage, useTRPC } from '../trpc.js';

export function EventCheckIn({
  eventId,
  canReadAccessNeeds,
}: {
  eventId: string;
  canReadAccessNeeds: boolean;
}) {
  const trpc = useTRPC();
  const event = useQuery(trpc.events.get.queryOptions({ id: eventId }));
  const people = useQuery(trpc.registrations.checkInList.queryOptions({ eventId }));
  const failed = event.error ?? people.error;
  if (failed) return <p role="alert">Could not load the check-in list: {errorMessage(failed)}</p>;
  if (!event.data || !people.data) return <p role="status">Loading the check-in list…</p>;
  const e = event.data;
  const sorted = [...people.data].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  return (
    <div className="check-in-sheet">
      <p className="back no-print">
        <Link to={`/events/${encodeURIComponent(eventId)}/registrations`}>← Registrations</Link>
      </p>
      <h1>Check-in list: {eventTitle(e)}</h1>
      <p>
        {formatEventWhen(e.startsAt, e.endsAt, e.timeZone, 'en')}
        {e.venue ? ` · ${e.venue.name}` : ''} · {sorted.length} {sorted.length === 1 ? 'person' : 'people'}{' '}
        with a place
      </p>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <table className="check-in-list">
        <caption className="sr-only">People with a place, by name</caption>
        <thead>
          <tr>
            <th scope="col">Here</th>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            {canReadAccessNeeds ? <th scope="col">Access needs</th> : null}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.id}>
              <td className="box">{r.checkedInAt ? '☑' : '☐'}</td>
              <th scope="row">{r.name}</th>
              <td>{r.email}</td>
              {canReadAccessNeeds ? <td>{r.accessNeeds ?? ''}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
