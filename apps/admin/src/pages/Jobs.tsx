// What the background jobs did: counts per job and state, failed jobs (retry), waiting jobs (cancel), schedules.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTime } from '../format.js';
import { errorMessage, useTRPC } from '../trpc.js';
import { WorkerStatus } from './Dashboard.js';

/** `canRetry`: the role may retry and cancel jobs (job:retry); without it the lists are read-only. */
export function Jobs({ canRetry }: { canRetry: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const overview = useQuery({ ...trpc.jobs.overview.queryOptions(), refetchInterval: 10_000 });
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
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Number of jobs per job name and state</caption>
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Waiting</th>
                <th scope="col">Running</th>
                <th scope="col">Done</th>
                <th scope="col">Failed</th>
                <th scope="col">Cancelled</th>
              </tr>
            </thead>
            <tbody>
              {data.counts.map((c) => (
                <tr key={c.name}>
                  <th scope="row">{c.name}</th>
                  <td>{c.queued}</td>
                  <td>{c.active}</td>
                  <td>{c.completed}</td>
                  <td>{c.failed}</td>
                  <td>{c.cancelled}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="failed-h">
        <h2 id="failed-h">Failed jobs</h2>
        {data.failed.length === 0 ? (
          <p>No failed jobs. When a job fails after all its attempts, it appears here with its error.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Job</th>
                  <th scope="col">Failed</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Error</th>
                  {canRetry ? (
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {data.failed.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">{f.name}</th>
                    <td>{formatDateTime(f.failedAt)}</td>
                    <td>{f.attempts}</td>
                    <td className="error-text">{f.error}</td>
                    {canRetry ? (
                      <td>
                        <button
                          type="button"
                          className="secondary"
                          disabled={retry.isPending}
                          onClick={() => retry.mutate({ name: f.name, id: f.id })}
                          aria-label={`Retry ${f.name} job that failed ${formatDateTime(f.failedAt)}`}
                        >
                          Retry
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="queued-h">
        <h2 id="queued-h">Waiting</h2>
        {data.queued.length === 0 ? (
          <p>Nothing is waiting.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Job</th>
                  <th scope="col">Runs at</th>
                  <th scope="col">Attempts so far</th>
                  {canRetry ? (
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {data.queued.map((q) => (
                  <tr key={q.id}>
                    <th scope="row">{q.name}</th>
                    <td>{formatDateTime(q.runAt)}</td>
                    <td>{q.attempts}</td>
                    {canRetry ? (
                      <td>
                        <button
                          type="button"
                          className="secondary"
                          disabled={cancel.isPending}
                          onClick={() => cancel.mutate({ name: q.name, id: q.id })}
                          aria-label={`Cancel ${q.name} job due ${formatDateTime(q.runAt)}`}
                        >
                          Cancel
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="schedules-h">
        <h2 id="schedules-h">Recurring schedules</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Schedule (cron)</th>
                <th scope="col">Time zone</th>
                <th scope="col">Next run</th>
              </tr>
            </thead>
            <tbody>
              {data.schedules.map((s) => (
                <tr key={s.name}>
                  <th scope="row">{s.name}</th>
                  <td>
                    <code>{s.cron}</code>
                  </td>
                  <td>{s.timeZone}</td>
                  <td>{formatDateTime(s.nextRunAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
