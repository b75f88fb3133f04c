// The audit log: who changed what, newest first. The API has no way to edit or delete an entry.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { formatDateTime } from '../format.js';
import { DataTable } from '../ui/DataTable.js';
import { errorMessage, useTRPC } from '../trpc.js';

const resourceTypes = [
  ['', 'Everything'],
  ['staff', 'Staff'],
  ['invitation', 'Invitations'],
  ['settings', 'Settings'],
  ['job', 'Jobs'],
  ['message', 'Messages'],
] as const;

type Filters = { resourceType?: string; action?: string };

export function Audit() {
  const [filters, setFilters] = useState<Filters>({});
  return (
    <>
      <h1>Audit log</h1>
      <p>
        Every change made in this admin, newest first: who did it, when, and what changed. Entries are a
        permanent record: nobody can edit or delete them, not even an owner.
      </p>
      <AuditFilters filters={filters} onChange={setFilters} />
      <AuditEntries filters={filters} />
    </>
  );
}

function AuditFilters({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  const typeId = useId();
  const actionId = useId();
  const [action, setAction] = useState(filters.action ?? '');
  const filtered = Boolean(filters.resourceType || filters.action);

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = action.trim();
    onChange({ ...filters, action: trimmed || undefined });
  }

  return (
    <form className="toolbar" onSubmit={submit} aria-label="Filter the audit log">
      <div className="inline-field">
        <label htmlFor={typeId}>About</label>
        <select
          id={typeId}
          value={filters.resourceType ?? ''}
          onChange={(e) => onChange({ ...filters, resourceType: e.target.value || undefined })}
        >
          {resourceTypes.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </div>
      <div className="inline-field">
        <label htmlFor={actionId}>Action</label>
        <input
          id={actionId}
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="e.g. staff.invite"
          aria-describedby={`${actionId}-hint`}
          value={action}
          onChange={(e) => setAction(e.target.value)}
        />
        <span id={`${actionId}-hint`} className="sr-only">
          Optional. The exact action name, as shown in the Action column.
        </span>
      </div>
      <button type="submit" className="secondary">
        Filter
      </button>
      {filtered ? (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setAction('');
            onChange({});
          }}
        >
          Clear filters
        </button>
      ) : null}
    </form>
  );
}

function AuditEntries({ filters }: { filters: Filters }) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(filters, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );
  const entries = list.data?.pages.flatMap((p) => p.entries) ?? [];
  const filtered = Boolean(filters.resourceType || filters.action);

  return (
    <>
      <DataTable
        caption="Audit log entries, newest first"
        rows={list.data ? entries : undefined}
        rowKey={(e) => e.id}
        loadingText="Loading the audit log…"
        error={
          list.isError && !list.isFetchNextPageError
            ? `Could not load the audit log: ${list.error.message}`
            : null
        }
        empty={
          <p role="status">
            {filtered
              ? 'No entries match these filters. Choose “Everything” or clear the action to see more.'
              : 'Nothing has been recorded yet. Changes to staff, settings, jobs and messages will be listed here as they happen.'}
          </p>
        }
        more={{
          hasMore: list.hasNextPage,
          loading: list.isFetchingNextPage,
          onMore: () => void list.fetchNextPage(),
          label: 'Show older entries',
          loadingLabel: 'Loading older entries…',
        }}
        columns={[
          { header: 'When', cell: (e) => <time dateTime={e.at}>{formatDateTime(e.at)}</time> },
          { header: 'Who', cell: (e) => e.actorEmail ?? 'Ayni (automatic)' },
          { header: 'Action', cell: (e) => <code>{e.action}</code> },
          { header: 'Summary', cell: (e) => e.summary },
        ]}
      />
      {list.data && entries.length > 0 && !list.hasNextPage ? (
        <p className="detail">This is the oldest entry.</p>
      ) : null}
      {list.isFetchNextPageError ? (
        <p role="alert">Could not load older entries: {errorMessage(list.error)}</p>
      ) : null}
    </>
  );
}
