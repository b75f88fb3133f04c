// The signed-in shell and the dashboard: what is in the database, and whether the worker is alive.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { signOut } from '../auth-client.js';
import { useTRPC } from '../trpc.js';

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function Stat({ label, value, detail }: { label: string; value: number; detail?: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>
        <span className="value">{value}</span>
        {detail ? <span className="detail">{detail}</span> : null}
      </dd>
    </div>
  );
}

export function Dashboard({ me }: { me: { name: string; email: string; role: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const summary = useQuery({ ...trpc.dashboard.summary.queryOptions(), refetchInterval: 30_000 });

  async function onSignOut() {
    await signOut();
    // Reset rather than refetch: a failed refetch would keep showing the signed-out person's data.
    await queryClient.resetQueries();
  }

  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Ayni admin</span>
        <nav aria-label="Main">
          <a href="/" aria-current="page">
            Dashboard
          </a>
        </nav>
        <span className="who">
          {me.name} <span className="role">({me.role})</span>
        </span>
        <button type="button" className="secondary" onClick={() => void onSignOut()}>
          Sign out
        </button>
      </header>
      <main id="main" className="page">
        <h1>Dashboard</h1>
        {summary.isPending ? <p role="status">Loading counts…</p> : null}
        {summary.isError ? <p role="alert">Could not load the dashboard: {summary.error.message}</p> : null}
        {summary.data ? (
          <>
            <p role="status" className={summary.data.worker.running ? 'ok' : 'warn'}>
              {summary.data.worker.running
                ? `Background worker running (last seen ${dateTime.format(new Date(summary.data.worker.lastSeenAt!))}).`
                : summary.data.worker.lastSeenAt
                  ? `Warning: the background worker has not been seen since ${dateTime.format(new Date(summary.data.worker.lastSeenAt))}. Scheduled work will wait until it runs.`
                  : 'Warning: the background worker has never run. Start it so scheduled work happens.'}
            </p>
            <section aria-labelledby="articles-h">
              <h2 id="articles-h">Articles</h2>
              <dl className="stats">
                <Stat label="Published" value={summary.data.articles.published} />
                <Stat label="Drafts" value={summary.data.articles.draft} />
                <Stat label="Scheduled" value={summary.data.articles.scheduled} />
                <Stat label="Static pages" value={summary.data.articles.pages} />
              </dl>
            </section>
            <section aria-labelledby="campaigns-h">
              <h2 id="campaigns-h">Campaigns</h2>
              <dl className="stats">
                <Stat label="Active campaigns" value={summary.data.campaigns.active} />
                <Stat label="Confirmed signatures" value={summary.data.campaigns.confirmedSignatures} />
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
          </>
        ) : null}
      </main>
    </>
  );
}
