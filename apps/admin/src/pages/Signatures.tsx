// Petition signatures: find a signer (name or email), filter by campaign, status, country, source and the days they
// signed (all in the page's address); the held ones with why, to release or reject; "delete as spam", which keeps
// the signature as rejected; and the CSV of what the filters show, for those who may export.
import {
  canModerate,
  countryOptions,
  signatureStatuses,
  zonedDateTimeToUtc,
  type SignatureListItem,
  type SignatureStatus,
} from '@ayni/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useOrgTime } from '../org-time.js';
import { useConfirm } from '../ui/ConfirmDialog.js';
import { DataTable, moreOf, type MoreRows } from '../ui/DataTable.js';
import { FilterInput, FilterSelect } from '../ui/filters.js';
import { ReportRegions, useReport, type Report } from '../ui/report.js';
import { useTRPC } from '../trpc.js';

type Filters = {
  campaignId: string;
  status: '' | SignatureStatus;
  country: string;
  source: string;
  /** Days as YYYY-MM-DD, in the organisation's time zone; both included. */
  from: string;
  to: string;
  q: string;
};

const noFilters: Filters = { campaignId: '', status: '', country: '', source: '', from: '', to: '', q: '' };
const filterKeys = Object.keys(noFilters) as (keyof Filters)[];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const signatureStatusLabels: Readonly<Record<SignatureStatus, string>> = {
  pending: 'Waiting for confirmation',
  confirmed: 'Confirmed',
  held: 'Held',
  rejected: 'Rejected',
};

const countries = countryOptions('en');
const countryNames = new Map(countries.map((c) => [c.code, c.name]));

/** The filters in the page's address (`/signatures?status=held`), so a link can open the list filtered. */
function filtersFromAddress(search: string): Filters {
  const params = new URLSearchParams(search);
  const read = (key: keyof Filters) => params.get(key) ?? '';
  const status = read('status');
  return {
    campaignId: read('campaignId'),
    status: (signatureStatuses as readonly string[]).includes(status) ? (status as SignatureStatus) : '',
    country: countryNames.has(read('country')) ? read('country') : '',
    source: read('source'),
    from: DAY.test(read('from')) ? read('from') : '',
    to: DAY.test(read('to')) ? read('to') : '',
    q: read('q'),
  };
}

function addressOf(f: Filters): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) if (f[key].trim()) params.set(key, f[key].trim());
  const query = params.toString();
  return query ? `/signatures?${query}` : '/signatures';
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Only the filters that are set, as the API expects them: the days become moments in the organisation's zone. */
function toInput(f: Filters, timeZone: string) {
  return {
    ...(f.campaignId ? { campaignId: f.campaignId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.country ? { country: f.country } : {}),
    ...(f.source.trim() ? { source: f.source.trim() } : {}),
    ...(f.from ? { createdFrom: zonedDateTimeToUtc(`${f.from}T00:00`, timeZone) } : {}),
    ...(f.to ? { createdBefore: zonedDateTimeToUtc(`${nextDay(f.to)}T00:00`, timeZone) } : {}),
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
  };
}

/** The export's address: the same filters, the days as moments. */
function exportAddress(input: ReturnType<typeof toInput>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) {
    params.set(key, value instanceof Date ? value.toISOString() : String(value));
  }
  const query = params.toString();
  return query ? `/export/signatures.csv?${query}` : '/export/signatures.csv';
}

export function Signatures({
  canModerate: mayModerate,
  canExport,
}: {
  canModerate: boolean;
  canExport: boolean;
}) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState<Filters>(() => filtersFromAddress(window.location.search));
  const [applied, setApplied] = useState<Filters>(draft);
  const [report, reported] = useReport();
  const filtering = JSON.stringify(applied) !== JSON.stringify(noFilters);
  const settings = useQuery({ ...trpc.settings.get.queryOptions(), staleTime: 60_000 });
  const timeZone = settings.data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const input = toInput(applied, timeZone);
  const list = useInfiniteQuery(
    trpc.signatures.list.infiniteQueryOptions(
      { ...input, limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const campaigns = useQuery(trpc.signatures.campaigns.queryOptions());
  const counts = useQuery(
    trpc.signatures.counts.queryOptions(applied.campaignId ? { campaignId: applied.campaignId } : undefined),
  );
  const signatures = list.data?.pages.flatMap((p) => p.signatures) ?? [];
  const held = counts.data?.held ?? 0;

  useEffect(() => {
    const address = addressOf(applied);
    if (address !== window.location.pathname + window.location.search) {
      window.history.replaceState(window.history.state, '', address);
    }
  }, [applied]);
  // Typing in a box filters after a pause, not at every key.
  useEffect(() => {
    if (draft.q === applied.q && draft.source === applied.source) return;
    const timer = setTimeout(
      () => setApplied((current) => ({ ...current, q: draft.q, source: draft.source })),
      400,
    );
    return () => clearTimeout(timer);
  }, [draft.q, draft.source, applied.q, applied.source]);

  function apply(event: FormEvent) {
    event.preventDefault();
    setApplied(draft);
  }
  function clear() {
    setDraft(noFilters);
    setApplied(noFilters);
  }
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    if (key !== 'q' && key !== 'source') setApplied((a) => ({ ...a, [key]: value }));
  };
  const campaignName = (id: string) => {
    const titles = campaigns.data?.find((c) => c.id === id)?.titles;
    return titles?.en ?? titles?.es ?? 'Untitled campaign';
  };

  return (
    <>
      <div className="page-head">
        <h1>Signatures</h1>
        {canExport ? (
          <a className="button-link" href={exportAddress(input)}>
            Export CSV
          </a>
        ) : null}
      </div>
      <p>
        Who signed each petition. A signature counts once the signer confirms it from the email we sent. Held
        signatures came too fast from one address: release one to send its confirmation email, or reject it.
        Deleting a signature as spam keeps it, marked rejected, so nothing is lost.
        {canExport ? ' Export CSV downloads the signatures these filters show.' : ''}
      </p>

      <div className="view-switch" role="group" aria-label="Which signatures">
        <button
          type="button"
          className="secondary"
          aria-pressed={applied.status !== 'held'}
          onClick={() => set('status', '')}
        >
          All signatures
        </button>
        <button
          type="button"
          className="secondary"
          aria-pressed={applied.status === 'held'}
          onClick={() => set('status', 'held')}
        >
          Held ({held})
        </button>
      </div>

      <form className="filters" onSubmit={apply} role="search" aria-label="Filter signatures">
        <FilterInput label="Name or email" value={draft.q} onChange={(v) => set('q', v)} />
        <FilterSelect
          label="Campaign"
          value={draft.campaignId}
          onChange={(v) => set('campaignId', v)}
          options={[
            ['', 'Every campaign'],
            ...(campaigns.data ?? []).map((c) => [c.id, c.titles.en ?? c.titles.es ?? c.id] as const),
          ]}
        />
        <FilterSelect
          label="Status"
          value={draft.status}
          onChange={(v) => set('status', v as Filters['status'])}
          options={[['', 'Any status'], ...Object.entries(signatureStatusLabels)]}
        />
        <FilterSelect
          label="Country"
          value={draft.country}
          onChange={(v) => set('country', v)}
          options={[['', 'Any country'], ...countries.map((c) => [c.code, c.name] as const)]}
        />
        <FilterInput label="Source" value={draft.source} onChange={(v) => set('source', v)} type="text" />
        <FilterInput label="Signed from" value={draft.from} onChange={(v) => set('from', v)} type="date" />
        <FilterInput label="Signed until" value={draft.to} onChange={(v) => set('to', v)} type="date" />
        <div className="filter-buttons">
          <button type="submit">Filter</button>
          {filtering || JSON.stringify(draft) !== JSON.stringify(noFilters) ? (
            <button type="button" className="secondary" onClick={clear}>
              Clear filters
            </button>
          ) : null}
        </div>
      </form>

      <ReportRegions {...reported} />

      <SignatureTable
        signatures={list.data ? signatures : undefined}
        error={list.isError ? `Could not load the signatures: ${list.error.message}` : null}
        filtering={filtering}
        clear={clear}
        showCampaign={!applied.campaignId && (campaigns.data?.length ?? 0) > 1}
        campaignName={campaignName}
        more={moreOf(list, 'Show more')}
        actions={mayModerate ? (s) => <SignatureActions signature={s} report={report} /> : null}
      />
      <p role="status" aria-live="polite" className="sr-only">
        {list.isSuccess ? `${signatures.length} signature${signatures.length === 1 ? '' : 's'} shown` : ''}
      </p>
    </>
  );
}

function SignatureTable({
  signatures,
  error,
  filtering,
  clear,
  showCampaign,
  campaignName,
  more,
  actions,
}: {
  signatures: SignatureListItem[] | undefined;
  error: string | null;
  filtering: boolean;
  clear: () => void;
  showCampaign: boolean;
  campaignName: (id: string) => string;
  more: MoreRows;
  actions: ((s: SignatureListItem) => ReactNode) | null;
}) {
  const at = useOrgTime();
  return (
    <DataTable
      className="signatures"
      caption={`Signatures${filtering ? ' matching the filters' : ''}, newest first`}
      rows={signatures}
      rowKey={(s) => s.id}
      loadingText="Loading signatures…"
      error={error}
      empty={
        filtering ? (
          <p>
            No signatures match these filters.{' '}
            <button type="button" className="link-button" onClick={clear}>
              Clear filters
            </button>
          </p>
        ) : (
          <p>No one has signed a petition yet.</p>
        )
      }
      more={more}
      columns={[
        {
          header: 'Signer',
          rowHeader: true,
          className: 'signer',
          cell: (s) => (
            <>
              {s.name} <span className="detail email">{s.email}</span>
            </>
          ),
        },
        showCampaign && { header: 'Campaign', cell: (s) => s.campaignTitle || campaignName(s.campaignId) },
        {
          header: 'Country',
          cell: (s) => (
            <>
              {countryNames.get(s.country) ?? s.country}
              {s.postcode ? <span className="detail"> · {s.postcode}</span> : null}
            </>
          ),
        },
        {
          header: 'Status',
          cell: (s) => (
            <>
              <span className={`badge signature-${s.status}`}>{signatureStatusLabels[s.status]}</span>
              {s.status === 'held' && s.heldReason ? (
                <span className="detail held-reason">Why held: {s.heldReason}</span>
              ) : null}
            </>
          ),
        },
        {
          header: 'Signed',
          cell: (s) => (
            <>
              <time dateTime={s.createdAt.toISOString()}>{at(s.createdAt)}</time>
              {s.confirmedAt ? (
                <span className="detail confirmed-at">
                  Confirmed <time dateTime={s.confirmedAt.toISOString()}>{at(s.confirmedAt)}</time>
                </span>
              ) : null}
            </>
          ),
        },
        { header: 'Source', cell: (s) => s.source ?? '—' },
        { header: 'Updates', cell: (s) => (s.updatesConsent ? 'Wants updates' : 'No') },
        actions && { header: 'Actions', hiddenHeader: true, cell: actions },
      ]}
    />
  );
}

function SignatureActions({ signature: s, report }: { signature: SignatureListItem; report: Report }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { confirm, dialog } = useConfirm();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.signatures.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.dashboard.pathKey() }),
    ]);
  const callbacks = (done: string) => ({
    onSuccess: async () => {
      report.done(done);
      await refresh();
    },
    onError: (error: unknown) => report.failed(error),
  });
  const release = useMutation(trpc.signatures.release.mutationOptions());
  const reject = useMutation(trpc.signatures.reject.mutationOptions());
  const spam = useMutation(trpc.signatures.deleteAsSpam.mutationOptions());
  const busy = release.isPending || reject.isPending || spam.isPending;
  return (
    <div className="actions">
      {canModerate(s.status, 'release') ? (
        <button
          type="button"
          disabled={busy}
          aria-label={`Release the signature of ${s.name}`}
          onClick={() => {
            report.clear();
            release.mutate(
              { id: s.id },
              {
                onError: (error) => report.failed(error),
                onSuccess: async (result) => {
                  report.done(
                    result.emailed
                      ? `Released the signature of ${s.name}: their confirmation email is on its way.`
                      : `Released the signature of ${s.name}. No email was sent: it has had as many as we send.`,
                  );
                  await refresh();
                },
              },
            );
          }}
        >
          Release
        </button>
      ) : null}
      {canModerate(s.status, 'reject') ? (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          aria-label={`Reject the signature of ${s.name}`}
          onClick={() => {
            report.clear();
            reject.mutate({ id: s.id }, callbacks(`Rejected the signature of ${s.name}.`));
          }}
        >
          Reject
        </button>
      ) : null}
      {canModerate(s.status, 'delete-as-spam') ? (
        <button
          type="button"
          className="secondary danger"
          disabled={busy}
          aria-label={`Delete the signature of ${s.name} as spam`}
          onClick={async () => {
            const sure = await confirm({
              title: `Delete the signature of ${s.name} as spam?`,
              message:
                (s.status === 'confirmed'
                  ? 'It will stop counting, so the petition’s count drops by one. '
                  : 'It will never count. ') +
                'Nothing is lost: the signature is kept, marked rejected, and still shows in this list and in exports.',
              confirmLabel: 'Delete as spam',
            });
            if (!sure) return;
            report.clear();
            spam.mutate(
              { id: s.id },
              callbacks(`Deleted the signature of ${s.name} as spam. It is kept, marked rejected.`),
            );
          }}
        >
          Delete as spam
        </button>
      ) : null}
      {dialog}
    </div>
  );
}
