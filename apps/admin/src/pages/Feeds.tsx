// Partner feeds: every feed with its health in words, when it was last fetched and last brought something new,
// its last error and warning; with feed:edit, pause/resume, fetch now, remove, and a form to add one.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { TopicOption as Topic } from '../TopicsField.js';
import { Link } from '../router.js';
import { useTRPC } from '../trpc.js';
import {
  FeedActions,
  FeedFacts,
  FeedForm,
  HealthBadge,
  plural,
  QUICK_REFRESH_MS,
  SLOW_REFRESH_MS,
  topicNames,
  useRefreshFeeds,
  useWatch,
  type FeedView,
} from '../feeds/parts.js';
import { ReportRegions, useReport, type Report } from '../ui/report.js';

/** `canEdit`: the role may add, change, pause, fetch and remove feeds (feed:edit); without it the page only shows them. */
export function Feeds({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const [watching, watch] = useWatch();
  const list = useQuery({
    ...trpc.partnerFeeds.list.queryOptions(),
    refetchInterval: (query) =>
      watching() || query.state.data?.some((f) => f.health === 'waiting')
        ? QUICK_REFRESH_MS
        : SLOW_REFRESH_MS,
  });
  const topics = useQuery(trpc.articles.topics.queryOptions());
  const [report, { notice, problem }] = useReport();
  const feeds = list.data ?? [];
  const failing = feeds.filter((f) => f.health === 'failing').length;

  return (
    <>
      <h1>Partner feeds</h1>
      <p>
        News from partner organisations, fetched every 30 minutes and listed on the site under “From our
        partners”. Each item links to the partner's own page.
        {canEdit ? ' Open a feed to see its latest items and turn one into a draft article.' : ''}
      </p>
      <ReportRegions notice={notice} problem={problem} />
      {list.isPending ? <p role="status">Loading partner feeds…</p> : null}
      {list.isError ? <p role="alert">Could not load the partner feeds: {list.error.message}</p> : null}

      {list.isSuccess ? (
        <section aria-labelledby="feeds-h">
          <h2 id="feeds-h">
            {feeds.length === 0 ? 'Feeds' : `${plural(feeds.length, 'feed', 'feeds')}`}
            {failing ? <span className="detail"> ({failing} failing)</span> : null}
          </h2>
          {feeds.length === 0 ? (
            <p>
              No partner feeds yet.
              {canEdit
                ? ' Add one with the form below.'
                : ' Someone with permission to edit feeds (an editor) can add one.'}
            </p>
          ) : (
            <ul className="feed-list">
              {feeds.map((feed) => (
                <FeedCard
                  key={feed.id}
                  feed={feed}
                  topics={topics.data}
                  canEdit={canEdit}
                  report={report}
                  onFetching={watch}
                />
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {canEdit ? <AddFeed report={report} onAdded={watch} /> : null}
    </>
  );
}

function FeedCard({
  feed,
  topics,
  canEdit,
  report,
  onFetching,
}: {
  feed: FeedView;
  topics: readonly Topic[] | undefined;
  canEdit: boolean;
  report: Report;
  onFetching: () => void;
}) {
  const headingId = useId();
  const topicText = topicNames(feed.topics, topics);
  return (
    <li>
      <article className="feed" aria-labelledby={headingId}>
        <div className="feed-head">
          <h3 id={headingId}>
            <Link to={`/feeds/${feed.id}`}>{feed.name}</Link>
          </h3>
          <HealthBadge health={feed.health} />
        </div>
        <p className="feed-url">
          <span className="sr-only">Address: </span>
          {feed.url}
        </p>
        {topicText ? <p className="detail">Topics for drafts: {topicText}</p> : null}
        <FeedFacts feed={feed} itemCount={feed.itemCount} />
        {canEdit ? <FeedActions feed={feed} report={report} onFetching={onFetching} /> : null}
      </article>
    </li>
  );
}

function AddFeed({ report, onAdded }: { report: Report; onAdded: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshFeeds();
  const create = useMutation(trpc.partnerFeeds.create.mutationOptions({ onSuccess: refresh }));
  // A new form after each feed added, so the fields start empty again.
  const [generation, setGeneration] = useState(0);

  return (
    <section aria-labelledby="add-feed-h">
      <h2 id="add-feed-h">Add a partner feed</h2>
      <FeedForm
        key={generation}
        initial={{ url: '', name: '', language: 'en', topics: '' }}
        submitLabel="Add feed"
        pendingLabel="Adding…"
        pending={create.isPending}
        error={create.error}
        save={(input) => {
          report.clear();
          create.mutate(input, {
            onSuccess: (feed) => {
              onAdded();
              report.done(`Added “${feed.name}”. It is being fetched now; its status appears above.`);
              create.reset();
              setGeneration((g) => g + 1);
            },
          });
        }}
      />
    </section>
  );
}
