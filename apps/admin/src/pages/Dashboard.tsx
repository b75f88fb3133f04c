// The dashboard: what is in the database, and whether the worker is alive.
import { useQuery } from '@tanstack/react-query';
import { useOrgTime } from '../org-time.js';
import { Link } from '../router.js';
import { useTRPC } from '../trpc.js';

/** A count; with `to`, its name links to the list it counts. */
function Stat({ label, value, detail, to }: { label: string; value: number; detail?: string; to?: string }) {
  return (
    <div className="stat">
      <dt>{to ? <Link to={to}>{label}</Link> : label}</dt>
      <dd>
        <span className="value">{value}</span>
        {detail ? <span className="detail">{detail}</span> : null}
      </dd>
    </div>
  );
}

export function Dashboard() {
  const trpc = useTRPC();
  const summary = useQuery({ ...trpc.dashboard.summary.queryOptions(), refetchInterval: 30_000 });

  return (
    <>
      <h1>Dashboard</h1>
      {summary.isPending ? <p role="status">Loading counts…</p> : null}
      {summary.isError ? <p role="alert">Could not load the dashboard: {summary.error.message}</p> : null}
      {summary.data ? (
        <>
          <WorkerStatus lastSeenAt={summary.data.worker.lastSeenAt} running={summary.data.worker.running} />
          <section aria-labelledby="articles-h">
            <h2 id="articles-h">Articles</h2>
            <dl className="stats">
              <Stat
                label="Published"
                value={summary.data.articles.published}
                to="/articles?status=published"
              />
              <Stat label="Drafts" value={summary.data.articles.draft} to="/articles?status=draft" />
              <Stat
                label="Scheduled"
                value={summary.data.articles.scheduled}
                to="/articles?status=scheduled"
              />
              <Stat label="Static pages" value={summary.data.articles.pages} to="/articles?kind=page" />
            </dl>
          </section>
          <section aria-labelledby="campaigns-h">
            <h2 id="campaigns-h">Campaigns</h2>
            <dl className="stats">
              <Stat label="Active campaigns" value={summary.data.campaigns.active} />
              <Stat
                label="Confirmed signatures"
                value={summary.data.campaigns.confirmedSignatures}
                to="/signatures?status=confirmed"
              />
              <Stat
                label="Held signatures"
                value={summary.data.campaigns.heldSignatures}
                detail="to release or reject"
                to="/signatures?status=held"
              />
            </dl>
          </section>
          <section aria-labelledby="members-h">
            <h2 id="members-h">Members</h2>
            <dl className="stats">
              <Stat label="Active" value={summary.data.members.active} />
              <Stat label="In grace period" value={summary.data.members.grace} />
              <Stat label="Pending" value={summary.data.members.pending} />
              <Stat label="Lapsed" value={summary.data.members.lapsed} />
            </dl>
          </section>
          <section aria-labelledby="events-h">
            <h2 id="events-h">Events</h2>
            <dl className="stats">
              <Stat label="Upcoming" value={summary.data.events.upcoming} />
              <Stat label="Past" value={summary.data.events.past} />
            </dl>
          </section>
          <section aria-labelledby="feeds-h">
            <h2 id="feeds-h">Partner feeds</h2>
            <dl className="stats">
              <Stat label="Feeds" value={summary.data.partnerFeeds.total} to="/feeds" />
              <Stat label="Failing" value={summary.data.partnerFeeds.failing} to="/feeds" />
              <Stat label="Paused" value={summary.data.partnerFeeds.paused} to="/feeds" />
            </dl>
            {summary.data.partnerFeeds.failing > 0 ? (
              <p className="warn">
                {summary.data.partnerFeeds.failing === 1
                  ? 'A partner feed is failing'
                  : `${summary.data.partnerFeeds.failing} partner feeds are failing`}
                : <Link to="/feeds">see what went wrong</Link>.
              </p>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}

/** Whether the background worker is alive, from its heartbeat. */
export function WorkerStatus({ lastSeenAt, running }: { lastSeenAt: Date | null; running: boolean }) {
  const at = useOrgTime();
  return (
    <p role="status" className={running ? 'ok' : 'warn'}>
      {running
        ? `Background worker running (last seen ${at(lastSeenAt)}).`
        : lastSeenAt
          ? `Warning: the background worker has not been seen since ${at(lastSeenAt)}. Scheduled work and email will wait until it runs.`
          : 'Warning: the background worker has never run. Start it so scheduled work and email happen.'}
    </p>
  );
}
