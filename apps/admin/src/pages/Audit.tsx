// The audit log: who changed what, newest first. The API has no way to edit or delete an entry.
import { auditSectionNames, type AuditSection } from '@ayni/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useOrgTime } from '../org-time.js';
import { DataTable, moreOf } from '../ui/DataTable.js';
import { errorMessage, useTRPC } from '../trpc.js';

const sectionLabels: Record<AuditSection, string> = {
  articles: 'Articles',
  topics: 'Topics',
  campaigns: 'Campaigns',
  'partner-feeds': 'Partner feeds',
  signatures: 'Signatures',
  staff: 'Staff and invitations',
  settings: 'Settings',
  jobs: 'Jobs',
  messages: 'Messages',
};

type Filters = { section?: AuditSection };

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

/** Choosing a section filters at once. */
function AuditFilters({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  const sectionId = useId();
  return (
    <form className="toolbar" onSubmit={(e) => e.preventDefault()} aria-label="Filter the audit log">
      <div className="inline-field">
        <label htmlFor={sectionId}>About</label>
        <select
          id={sectionId}
          value={filters.section ?? ''}
          onChange={(e) => onChange(e.target.value ? { section: e.target.value as AuditSection } : {})}
        >
          <option value="">Everything</option>
          {auditSectionNames.map((section) => (
            <option key={section} value={section}>
              {sectionLabels[section]}
            </option>
          ))}
        </select>
      </div>
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
  const filtered = Boolean(filters.section);
  const at = useOrgTime();

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
              ? 'Nothing has been recorded about this yet. Choose “Everything” to see all entries.'
              : 'Nothing has been recorded yet. Changes to staff, settings, jobs and messages will be listed here as they happen.'}
          </p>
        }
        more={moreOf(list, 'Show older entries', 'Loading older entries…')}
        columns={[
          {
            header: 'When',
            cell: (e) => <time dateTime={e.at.toISOString()}>{at(e.at)}</time>,
          },
          {
            header: 'Who',
            cell: (e) =>
              e.actorName ? (
                <>
                  {e.actorName} <span className="detail">{e.actorEmail}</span>
                </>
              ) : (
                (e.actorEmail ?? 'Ayni (automatic)')
              ),
          },
          { header: 'What happened', rowHeader: true, cell: (e) => e.summary },
          { header: 'About', cell: (e) => (e.section ? sectionLabels[e.section] : e.resourceType) },
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
