// An event's registrations: tabs by status (with their counts), a search by name or email (both in the page's
// address), in arrival order with each waitlisted person's place in line; check someone in (a big button, usable
// on a phone at the door), move someone off the waitlist by hand, cancel someone's registration (asks first; they
// are emailed); the print-friendly check-in list; and the CSV of what the filters show, with the access needs only
// when ticked — for those who may read them (health data).
import { registrationStatuses, type RegistrationListItem, type RegistrationStatus } from '@ayni/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { eventName, registrationStatusLabels } from '../events/labels.js';
import { useOrgTime } from '../org-time.js';
import { Link } from '../router.js';
import { useTRPC } from '../trpc.js';
import { useConfirm } from '../ui/ConfirmDialog.js';
import { DataTable, moreOf } from '../ui/DataTable.js';
import { FilterInput } from '../ui/filters.js';
import { ReportRegions, useReport, type Report } from '../ui/report.js';

interface Filters {
  status: '' | RegistrationStatus;
  q: string;
}

function filtersFromAddress(search: string): Filters {
  const params = new URLSearchParams(search);
  const status = params.get('status') ?? '';
  return {
    status: (registrationStatuses as readonly string[]).includes(status)
      ? (status as RegistrationStatus)
      : '',
    q: params.get('q') ?? '',
  };
}

function query(f: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (f.status) params.set('status', f.status);
  if (f.q.trim()) params.set('q', f.q.trim());
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function EventRegistrations({
  eventId,
  canEdit,
  canExport,
  canReadAccessNeeds,
}: {
  eventId: string;
  canEdit: boolean;
  canExport: boolean;
  canReadAccessNeeds: boolean;
}) {
  const trpc = useTRPC();
  const [filters, setFilters] = useState(() => filtersFromAddress(window.location.search));
  const [typed, setTyped] = useState(filters.q);
  const [withNeeds, setWithNeeds] = useState(false);
  const [report, reported] = useReport();
  const event = useQuery(trpc.events.get.queryOptions({ id: eventId }));
  const counts = useQuery(trpc.registrations.counts.queryOptions({ eventId }));
  const input = {
    eventId,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
  };
  const list = useInfiniteQuery(
    trpc.registrations.list.infiniteQueryOptions(
      { ...input, limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const rows = list.data?.pages.flatMap((p) => p.registrations);

  useEffect(() => {
    const address = `/events/${encodeURIComponent(eventId)}/registrations${query(filters)}`;
    if (address !== window.location.pathname + window.location.search) {
      window.history.replaceState(window.history.state, '', address);
    }
  }, [filters, eventId]);
  useEffect(() => {
    if (typed === filters.q) return;
    const timer = setTimeout(() => setFilters((f) => ({ ...f, q: typed })), 400);
    return () => clearTimeout(timer);
  }, [typed, filters.q]);

  const name = event.data
    ? eventName({ en: event.data.translations.en?.title, es: event.data.translations.es?.title })
    : '…';
  const exportHref = `/export/registrations.csv${query(filters, { eventId, ...(withNeeds ? { accessNeeds: 'yes' } : {}) })}`;
  const tabs: readonly ('' | RegistrationStatus)[] = ['', 'confirmed', 'pending', 'waitlisted', 'cancelled'];

  return (
    <>
      <p className="back">
        <Link to={`/events/${encodeURIComponent(eventId)}`}>← {name}</Link>
      </p>
      <div className="page-head">
        <h1>Registrations</h1>
        <Link to={`/events/${encodeURIComponent(eventId)}/check-in`} className="button-link secondary">
          Check-in list to print
        </Link>
      </div>
      <p>
        For “{name}”, in the order people registered. People waiting for confirmation hold a place for 48
        hours until they follow the link we emailed; then it goes to the next on the waitlist.
      </p>

      <div className="view-switch" role="group" aria-label="Which registrations">
        {tabs.map((t) => (
          <button
            key={t || 'all'}
            type="button"
            className="secondary"
            aria-pressed={filters.status === t}
            onClick={() => setFilters((f) => ({ ...f, status: t }))}
          >
            {t ? registrationStatusLabels[t] : 'All'}
            {t && counts.data ? ` (${counts.data[t]})` : ''}
          </button>
        ))}
      </div>
      <form
        className="filters"
        role="search"
        aria-label="Find a registration"
        onSubmit={(e) => e.preventDefault()}
      >
        <FilterInput label="Name or email" value={typed} onChange={setTyped} />
      </form>
      {canExport ? (
        <div className="export">
          {canReadAccessNeeds ? (
            <label className="check">
              <input type="checkbox" checked={withNeeds} onChange={(e) => setWithNeeds(e.target.checked)} />{' '}
              Include access needs (health data: only if you need them)
            </label>
          ) : null}
          <a className="button-link" href={exportHref}>
            Export CSV
          </a>
        </div>
      ) : null}

      <ReportRegions {...reported} />
      <DataTable<RegistrationListItem>
        className="registrations"
        caption="Registrations, in the order people registered"
        rows={rows}
        rowKey={(r) => r.id}
        loadingText="Loading registrations…"
        error={list.isError ? `Could not load the registrations: ${list.error.message}` : null}
        empty={
          <p>{filters.status || filters.q ? 'No registrations match.' : 'No one has registered yet.'}</p>
        }
        more={moreOf(list, 'Show more')}
        columns={[
          {
            header: 'Person',
            rowHeader: true,
            className: 'person',
            cell: (r) => (
              <>
                {r.name} <span className="detail email">{r.email}</span>
              </>
            ),
          },
          {
            header: 'Status',
            cell: (r) => (
              <>
                <span className={`badge registration-${r.status}`}>{registrationStatusLabels[r.status]}</span>
                {r.position !== null ? <span className="detail"> No. {r.position} in line</span> : null}
              </>
            ),
          },
          { header: 'Registered', cell: (r) => <RegisteredAt registration={r} /> },
          canReadAccessNeeds && { header: 'Access needs', cell: (r) => r.accessNeeds ?? '—' },
          {
            header: 'Actions',
            hiddenHeader: true,
            cell: (r) => <Actions registration={r} canEdit={canEdit} report={report} />,
          },
        ]}
      />
    </>
  );
}

function RegisteredAt({ registration: r }: { registration: RegistrationListItem }) {
  const at = useOrgTime();
  return (
    <>
      <time dateTime={r.createdAt.toISOString()}>{at(r.createdAt)}</time>
      {r.checkedInAt ? <span className="detail checked-in"> Checked in {at.time(r.checkedInAt)}</span> : null}
    </>
  );
}

function Actions({
  registration: r,
  canEdit,
  report,
}: {
  registration: RegistrationListItem;
  canEdit: boolean;
  report: Report;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { confirm, dialog } = useConfirm();
  const checkIn = useMutation(trpc.registrations.checkIn.mutationOptions());
  const promote = useMutation(trpc.registrations.promote.mutationOptions());
  const cancel = useMutation(trpc.registrations.cancel.mutationOptions());
  const busy = checkIn.isPending || promote.isPending || cancel.isPending;
  if (!canEdit) return null;
  const run = (mutation: typeof checkIn, done: string) => {
    report.clear();
    mutation.mutate(
      { id: r.id },
      {
        onError: (error) => report.failed(error),
        onSuccess: async () => {
          report.done(done);
          await queryClient.invalidateQueries({ queryKey: trpc.registrations.pathKey() });
          await queryClient.invalidateQueries({ queryKey: trpc.events.pathKey() });
        },
      },
    );
  };
  return (
    <div className="actions">
      {r.status === 'confirmed' && !r.checkedInAt ? (
        <button
          type="button"
          className="check-in"
          disabled={busy}
          aria-label={`Check in ${r.name}`}
          onClick={() => run(checkIn, `Checked in ${r.name}.`)}
        >
          Check in
        </button>
      ) : null}
      {r.status === 'waitlisted' ? (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          aria-label={`Move ${r.name} off the waitlist`}
          onClick={() => run(promote, `${r.name} has a place now and is being emailed.`)}
        >
          Give a place
        </button>
      ) : null}
      {r.status !== 'cancelled' ? (
        <button
          type="button"
          className="secondary danger"
          disabled={busy}
          aria-label={`Cancel the registration of ${r.name}`}
          onClick={async () => {
            const sure = await confirm({
              title: `Cancel the registration of ${r.name}?`,
              message:
                'They are emailed that it is cancelled; a place they held goes to the next on the waitlist.',
              confirmLabel: 'Cancel the registration',
            });
            if (sure) run(cancel, `Cancelled the registration of ${r.name}.`);
          }}
        >
          Cancel
        </button>
      ) : null}
      {dialog}
    </div>
  );
}
