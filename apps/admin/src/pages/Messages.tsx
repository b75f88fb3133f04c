// The email log, newest first, filterable by status; and a button to check that email works.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { formatDateTime } from '../format.js';
import { errorMessage, useTRPC } from '../trpc.js';

type Status = 'queued' | 'sent' | 'failed';
const statusLabels: Record<Status, string> = { queued: 'Waiting', sent: 'Sent', failed: 'Failed' };

/** `canSendTest`: the role may send itself a test email (message:send-test). */
export function Messages({ canSendTest }: { canSendTest: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const filterId = useId();
  const [status, setStatus] = useState<Status | ''>('');
  const list = useInfiniteQuery(
    trpc.messages.list.infiniteQueryOptions(status ? { status } : {}, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      // Poll quickly while something is waiting to be sent, so its result shows up promptly.
      refetchInterval: (query) =>
        query.state.data?.pages.some((p) => p.messages.some((m) => m.status === 'queued')) ? 2_000 : 15_000,
    }),
  );
  const sendTest = useMutation(
    trpc.messages.sendTest.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.messages.list.pathKey() }),
    }),
  );
  const messages = list.data?.pages.flatMap((p) => p.messages) ?? [];

  return (
    <>
      <h1>Messages</h1>
      <p>Every email Ayni sends, with what happened to it.</p>
      <div className="toolbar">
        {canSendTest ? (
          <button type="button" onClick={() => sendTest.mutate()} disabled={sendTest.isPending}>
            Send me a test email
          </button>
        ) : null}
        <div className="inline-field">
          <label htmlFor={filterId}>Show</label>
          <select id={filterId} value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
            <option value="">All messages</option>
            <option value="queued">Waiting</option>
            <option value="sent">Sent</option>
            <option value="failed">Failed</option>
          </select>
        </div>
      </div>
      <p role="status" aria-live="polite" className="notice">
        {sendTest.isError
          ? errorMessage(sendTest.error)
          : sendTest.data
            ? `Test message queued for ${sendTest.data.to}. The worker sends it within a few seconds.`
            : null}
      </p>
      {list.isPending ? <p role="status">Loading messages…</p> : null}
      {list.isError ? <p role="alert">Could not load the messages: {list.error.message}</p> : null}
      {list.isSuccess && messages.length === 0 ? (
        <p>No messages yet. Invitations, confirmations and digests will be listed here once they are sent.</p>
      ) : null}
      {messages.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">Template</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last error</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>{formatDateTime(m.createdAt)}</td>
                  <td>{m.recipient}</td>
                  <td>{m.subject ?? '—'}</td>
                  <td>
                    {m.template} ({m.language})
                  </td>
                  <td>
                    <span className={`badge ${m.status}`}>{statusLabels[m.status]}</span>
                    {m.sentAt ? <span className="detail"> {formatDateTime(m.sentAt)}</span> : null}
                  </td>
                  <td>{m.attempts}</td>
                  <td className="error-text">{m.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {list.hasNextPage ? (
        <button
          type="button"
          className="secondary"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          Show older messages
        </button>
      ) : null}
    </>
  );
}
