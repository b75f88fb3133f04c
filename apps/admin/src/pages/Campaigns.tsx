// The campaigns: newest first, 25 at a time, filtered by status (in the page's address); each with its confirmed
// count against its goal, the signatures held for staff, its deadline, and a link to its signatures.
import { campaignStatuses, type CampaignListItem, type CampaignStatus } from '@ayni/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { campaignStatusLabels, campaignName } from '../campaigns/labels.js';
import { useOrgTime } from '../org-time.js';
import { Link } from '../router.js';
import { DataTable, moreOf } from '../ui/DataTable.js';
import { FilterSelect } from '../ui/filters.js';
import { useTRPC } from '../trpc.js';

function statusFromAddress(search: string): '' | CampaignStatus {
  const status = new URLSearchParams(search).get('status') ?? '';
  return (campaignStatuses as readonly string[]).includes(status) ? (status as CampaignStatus) : '';
}

const count = new Intl.NumberFormat('en-GB');

export function Campaigns({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const at = useOrgTime();
  const [status, setStatus] = useState(() => statusFromAddress(window.location.search));
  const list = useInfiniteQuery(
    trpc.campaigns.list.infiniteQueryOptions(
      { ...(status ? { status } : {}), limit: 25 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const campaigns = list.data?.pages.flatMap((p) => p.campaigns);

  useEffect(() => {
    const address = status ? `/campaigns?status=${status}` : '/campaigns';
    if (address !== window.location.pathname + window.location.search) {
      window.history.replaceState(window.history.state, '', address);
    }
  }, [status]);

  return (
    <>
      <div className="page-head">
        <h1>Campaigns</h1>
        {canEdit ? (
          <Link to="/campaigns/new" className="button-link">
            New campaign
          </Link>
        ) : null}
      </div>
      <p>
        Each campaign has its page on the site in English, Spanish or both, usually with a petition. A draft
        is seen only here; launch it to put it on the site. Counts are confirmed signatures, exact.
      </p>
      <form
        className="filters"
        role="search"
        aria-label="Filter campaigns"
        onSubmit={(e) => e.preventDefault()}
      >
        <FilterSelect
          label="Status"
          value={status}
          onChange={(v) => setStatus(v as '' | CampaignStatus)}
          options={[
            ['', 'Any status'],
            ...campaignStatuses.map((s) => [s, campaignStatusLabels[s]] as const),
          ]}
        />
      </form>
      <DataTable<CampaignListItem>
        caption="Campaigns, newest first"
        rows={campaigns}
        rowKey={(c) => c.id}
        loadingText="Loading campaigns…"
        error={list.isError ? `Could not load the campaigns: ${list.error.message}` : null}
        empty={
          <p>
            {status ? `No ${campaignStatusLabels[status].toLowerCase()} campaigns.` : 'No campaigns yet.'}{' '}
            {canEdit && !status ? <Link to="/campaigns/new">Start the first one.</Link> : null}
          </p>
        }
        more={moreOf(list, 'Show more')}
        columns={[
          {
            header: 'Campaign',
            rowHeader: true,
            cell: (c) => <Link to={`/campaigns/${c.id}`}>{campaignName(c.titles)}</Link>,
          },
          {
            header: 'Status',
            cell: (c) => (
              <span className={`badge campaign-${c.status}`}>{campaignStatusLabels[c.status]}</span>
            ),
          },
          {
            header: 'Signatures',
            cell: (c) =>
              c.goal === null ? (
                <span className="detail">No petition</span>
              ) : (
                `${count.format(c.confirmed)} of ${count.format(c.goal)}`
              ),
          },
          {
            header: 'Held',
            cell: (c) =>
              c.held > 0 ? (
                <Link to={`/signatures?campaignId=${encodeURIComponent(c.id)}&status=held`}>
                  {count.format(c.held)} held
                </Link>
              ) : (
                '0'
              ),
          },
          { header: 'Deadline', cell: (c) => (c.deadline ? at(c.deadline) : 'None') },
          {
            header: 'Signatures list',
            hiddenHeader: true,
            cell: (c) =>
              c.goal === null ? null : (
                <Link to={`/signatures?campaignId=${encodeURIComponent(c.id)}`}>
                  Signatures<span className="sr-only"> on {campaignName(c.titles)}</span>
                </Link>
              ),
          },
        ]}
      />
    </>
  );
}
