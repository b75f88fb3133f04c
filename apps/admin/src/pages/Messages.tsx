// The email log, newest first, filterable by status; and a button to check that email works.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useOrgTime } from '../org-time.js';
import { DataTable, moreOf } from '../ui/DataTable.js';
import { errorMessage, useTRPC } from '../trpc.js';

type Status = 'queued' | 'sent' | 'failed';
const statusLabels: Record<Status, string> = { queued: 'Waiting', sent: 'Sent', failed: 'Failed' };

/** `canSendTest`: the role may send itself a test email (message:send-test). */
export function Messages({ canSendTest }: { canSendTest: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const filterId = useId();
  const [status, setStatus] = useState<Status | ''>('');
  const at = useOrgTime();
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
      <DataTable
        caption="Messages, newest first"
        rows={list.data ? messages : undefined}
        rowKey={(m) => m.id}
        loadingText="Loading messages…"
        error={list.isError ? `Could not load the messages: ${list.error.message}` : null}
        empty={
          <p>
            No messages yet. Invitations, confirmations and digests will be listed here once they are sent.
          </p>
        }
        more={moreOf(list, 'Show older messages')}
        columns={[
          { header: 'Created', cell: (m) => at(m.createdAt) },
          { header: 'To', rowHeader: true, cell: (m) => m.recipient },
          { header: 'Subject', cell: (m) => m.subject ?? '—' },
          { header: 'Template', cell: (m) => `${m.template} (${m.language})` },
          {
            header: 'Status',
            cell: (m) => (
              <>
                <span className={`badge ${m.status}`}>{statusLabels[m.status]}</span>
                {m.sentAt ? <span className="detail"> {at(m.sentAt)}</span> : null}
              </>
            ),
          },
          { header: 'Attempts', cell: (m) => m.attempts },
          { header: 'Last error', className: 'error-text', cell: (m) => m.lastError ?? '' },
        ]}
      />
    </>
  );
}
