// One partner feed: its status, its latest items (each a link out, with "Make draft" to start an article that
// credits the partner, or "Open draft" once there is one), and, with feed:edit, the actions and a form to change it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useState } from 'react';
import { useOrgTime, type OrgTime } from '../org-time.js';
import { Link, navigate } from '../router.js';
import { useTRPC } from '../trpc.js';
import {
  FeedActions,
  FeedFacts,
  FeedForm,
  feedValuesFrom,
  HealthBadge,
  QUICK_REFRESH_MS,
  SLOW_REFRESH_MS,
  topicNames,
  useRefreshFeeds,
  useWatch,
  type FeedView,
} from '../feeds/parts.js';
import { ReportRegions, useReport, type Report } from '../ui/report.js';

type Item = {
  id: string;
  title: string;
  link: string;
  summary: string;
  author: string | null;
  publishedAt: Date;
  draftArticleId: string | null;
};

function isNotFound(error: unknown): boolean {
  return (
    error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === 'NOT_FOUND'
  );
}

export function FeedDetail({ id, canEdit, canDraft }: { id: string; canEdit: boolean; canDraft: boolean }) {
  const trpc = useTRPC();
  const [watching, watch] = useWatch();
  const [removed, setRemoved] = useState(false);
  const feed = useQuery({
    ...trpc.partnerFeeds.get.queryOptions({ id }),
    enabled: !removed,
    refetchInterval: (query) =>
      watching() || query.state.data?.feed.health === 'waiting' ? QUICK_REFRESH_MS : SLOW_REFRESH_MS,
  });
  const topics = useQuery(trpc.articles.topics.queryOptions());
  const at = useOrgTime();
  const [report, { notice, problem }] = useReport();

  const back = (
    <p className="back">
      <Link to="/feeds">← All partner feeds</Link>
    </p>
  );
  if (feed.isPending) {
    return (
      <>
        {back}
        <p role="status">Loading the feed…</p>
      </>
    );
  }
  if (feed.isError) {
    return (
      <>
        {back}
        <h1>Partner feed</h1>
        <p role="alert">
          {isNotFound(feed.error)
            ? 'This partner feed no longer exists: someone may have removed it.'
            : `Could not load the feed: ${feed.error.message}`}
        </p>
      </>
    );
  }
  const { feed: view, items } = feed.data;
  const topicText = topicNames(view.topics, topics.data);

  return (
    <>
      {back}
      <div className="page-head">
        <h1>{view.name}</h1>
        <HealthBadge health={view.health} />
      </div>
      <p className="feed-url">
        <span className="sr-only">Address: </span>
        {view.url}
      </p>
      {topicText ? <p className="detail">Topics for drafts: {topicText}</p> : null}
      <ReportRegions notice={notice} problem={problem} />
      <section aria-labelledby="status-h" className="feed">
        <h2 id="status-h" className="sr-only">
          Status
        </h2>
        <FeedFacts feed={view} itemCount={items.length} />
        {canEdit ? (
          <FeedActions
            feed={view}
            report={report}
            onFetching={watch}
            onRemoved={() => {
              setRemoved(true);
              navigate('/feeds', {
                replace: true,
                note: { notice: `Removed “${view.name}” and its items.` },
              });
            }}
          />
        ) : null}
      </section>

      <section aria-labelledby="items-h">
        <h2 id="items-h">Latest items</h2>
        {items.length === 0 ? (
          <p>
            {view.health === 'waiting'
              ? 'Nothing yet: the feed has not been fetched. Its items appear here once it has.'
              : 'This feed has no items.'}
          </p>
        ) : (
          <ol className="item-list">
            {items.map((item) => (
              <ItemRow key={item.id} item={item} at={at} canDraft={canDraft} report={report} />
            ))}
          </ol>
        )}
        {items.length >= 50 ? <p className="hint">The 50 newest items are shown.</p> : null}
      </section>

      {canEdit ? <EditFeed key={view.id} feed={view} topics={topics.data} report={report} /> : null}
    </>
  );
}

function ItemRow({
  item,
  at,
  canDraft,
  report,
}: {
  item: Item;
  at: OrgTime;
  canDraft: boolean;
  report: Report;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = useRefreshFeeds();
  const makeDraft = useMutation(trpc.partnerFeeds.makeDraft.mutationOptions());

  function draft() {
    report.clear();
    makeDraft.mutate(
      { itemId: item.id },
      {
        onSuccess: async ({ articleId }) => {
          await Promise.all([
            refresh(),
            queryClient.invalidateQueries({ queryKey: trpc.articles.pathKey() }),
          ]);
          navigate(`/articles/${articleId}`);
        },
        onError: report.failed,
      },
    );
  }

  return (
    <li className="item">
      <p className="item-title">
        <a href={item.link} target="_blank" rel="noopener noreferrer">
          {item.title}
          <span className="sr-only"> (opens the partner's page in a new tab)</span>
          <span aria-hidden="true"> ↗</span>
        </a>
      </p>
      <p className="detail">
        <time dateTime={item.publishedAt.toISOString()}>{at(item.publishedAt)}</time>
        {item.author ? <> · by {item.author}</> : null}
      </p>
      {item.summary ? <p className="item-summary">{item.summary}</p> : null}
      {item.draftArticleId ? (
        <Link to={`/articles/${item.draftArticleId}`} aria-label={`Open draft of “${item.title}”`}>
          Open draft
        </Link>
      ) : canDraft ? (
        <button
          type="button"
          className="secondary"
          disabled={makeDraft.isPending}
          aria-label={`Make draft from “${item.title}”`}
          onClick={draft}
        >
          {makeDraft.isPending ? 'Making the draft…' : 'Make draft'}
        </button>
      ) : null}
    </li>
  );
}

function EditFeed({
  feed,
  topics,
  report,
}: {
  feed: FeedView;
  topics: readonly { slug: string; name: string }[] | undefined;
  report: Report;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshFeeds();
  const update = useMutation(trpc.partnerFeeds.update.mutationOptions({ onSuccess: refresh }));
  return (
    <section aria-labelledby="edit-feed-h">
      <h2 id="edit-feed-h">Change this feed</h2>
      <FeedForm
        // Starts again from the server's values once the topic names are known.
        key={topics ? 'named' : 'slugs'}
        initial={feedValuesFrom(feed, topics)}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        pending={update.isPending}
        error={update.error}
        save={(input) => {
          report.clear();
          update.mutate(
            { id: feed.id, ...input },
            { onSuccess: (saved) => report.done(`Saved the changes to “${saved.name}”.`) },
          );
        }}
      />
    </section>
  );
}
