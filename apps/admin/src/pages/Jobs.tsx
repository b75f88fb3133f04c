// What the background jobs did: counts per job and state, failed jobs (retry), waiting jobs (cancel), schedules.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useOrgTime } from '../org-time.js';
import { DataTable } from '../ui/DataTable.js';
import { errorMessage, useTRPC } from '../trpc.js';
import { WorkerStatus } from './Dashboard.js';

/** `canRetry`: the role may retry and cancel jobs (job:retry); without it the lists are read-only. */
export function Jobs({ canRetry }: { canRetry: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const overview = useQuery({ ...trpc.jobs.overview.queryOptions(), refetchInterval: 10_000 });
  const at = useOrgTime();
  const [notice, setNotice] = useState<string | null>(null);
  const onDone = (message: string) => async () => {
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: trpc.jobs.overview.queryKey() });
  };
  const retry = useMutation(
    trpc.jobs.retry.mutationOptions({ onSuccess: onDone('The job was put back in the queue.') }),
  );
  const cancel = useMutation(
    trpc.jobs.cancel.mutationOptions({ onSuccess: onDone('The job was cancelled.') }),
  );
  const mutationError = retry.error ?? cancel.error;

  if (overview.isPending) return <p role="status">Loading jobs…</p>;
  if (overview.isError) return <p role="alert">Could not load the jobs: {overview.error.message}</p>;
  const data = overview.data;

  return (
    <>
      <h1>Jobs</h1>
      <WorkerStatus lastSeenAt={data.worker.lastSeenAt} running={data.worker.running} />
      <p role="status" aria-live="polite" className="notice">
        {mutationError ? errorMessage(mutationError) : notice}
      </p>

      <section aria-labelledby="counts-h">
        <h2 id="counts-h">By job and state</h2>
        <DataTable
          caption="Number of jobs per job name and state"
          rows={data.counts}
          rowKey={(c) => c.name}
          empty={<p>No jobs have run yet.</p>}
          columns={[
            { header: 'Job', rowHeader: true, cell: (c) => <JobName title={c.title} name={c.name} /> },
            { header: 'Waiting', cell: (c) => c.queued },
            { header: 'Running', cell: (c) => c.active },
            { header: 'Done', cell: (c) => c.completed },
            { header: 'Failed', cell: (c) => c.failed },
            { header: 'Cancelled', cell: (c) => c.cancelled },
          ]}
        />
      </section>

      <section aria-labelledby="failed-h">
        <h2 id="failed-h">Failed jobs</h2>
        <DataTable
          caption="Failed jobs"
          rows={data.failed}
          rowKey={(f) => f.id}
          empty={
            <p>No failed jobs. When a job fails after all its attempts, it appears here with its error.</p>
          }
          columns={[
            { header: 'Job', rowHeader: true, cell: (f) => <JobName title={f.title} name={f.name} /> },
            { header: 'Failed', cell: (f) => at(f.failedAt) },
            { header: 'Attempts', cell: (f) => f.attempts },
            { header: 'Error', className: 'error-text', cell: (f) => f.error },
            canRetry && {
              header: 'Actions',
              hiddenHeader: true,
              cell: (f) => (
                <button
                  type="button"
                  className="secondary"
                  disabled={retry.isPending}
                  onClick={() => retry.mutate({ name: f.name, id: f.id })}
                  aria-label={`Retry “${f.title}” job that failed ${at(f.failedAt)}`}
                >
                  Retry
                </button>
              ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="queued-h">
        <h2 id="queued-h">Waiting</h2>
        <DataTable
          caption="Jobs waiting to run"
          rows={data.queued}
          rowKey={(q) => q.id}
          empty={<p>Nothing is waiting.</p>}
          columns={[
            { header: 'Job', rowHeader: true, cell: (q) => <JobName title={q.title} name={q.name} /> },
            { header: 'Runs at', cell: (q) => at(q.runAt) },
            { header: 'Attempts so far', cell: (q) => q.attempts },
            canRetry && {
              header: 'Actions',
              hiddenHeader: true,
              cell: (q) => (
                <button
                  type="button"
                  className="secondary"
                  disabled={cancel.isPending}
                  onClick={() => cancel.mutate({ name: q.name, id: q.id })}
                  aria-label={`Cancel “${q.title}” job due ${at(q.runAt)}`}
                >
                  Cancel
                </button>
              ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="schedules-h">
        <h2 id="schedules-h">Recurring schedules</h2>
        <DataTable
          caption="Recurring schedules"
          rows={data.schedules}
          rowKey={(s) => s.name}
          empty={<p>No recurring schedules.</p>}
          columns={[
            {
              header: 'Job',
              rowHeader: true,
              cell: (s) => (
                <>
                  <JobName title={s.title} name={s.name} />
                  {s.does.length > 0 ? (
                    <span className="detail"> Each time: {s.does.join('; ')}.</span>
                  ) : null}
                </>
              ),
            },
            {
              header: 'Runs',
              cell: (s) => (
                <>
                  {s.when}{' '}
                  <span className="detail">
                    (<code>{s.cron}</code>)
                  </span>
                </>
              ),
            },
            { header: 'Time zone', cell: (s) => s.timeZone },
            { header: 'Next run', cell: (s) => at(s.nextRunAt) },
          ]}
        />
      </section>
    </>
  );
}

/** A job by what it does, with its technical name beside it (what the logs and support speak of). */
function JobName({ title, name }: { title: string; name: string }) {
  return (
    <>
      {title}
      {title !== name ? (
        <span className="detail">
          {' '}
          (<code>{name}</code>)
        </span>
      ) : null}
    </>
  );
}
