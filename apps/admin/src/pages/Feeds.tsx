// Partner feeds: every feed with its health in words, when it was last fetched and last brought something new,
// its last error and warning; with feed:edit, pause/resume, fetch now, remove, and a form to add one. The form,
// the actions and the status facts are shared with the feed's own page (FeedDetail).
import type { AppRouter } from '@ayni/api';
import { PARTNER_FEED_NAME_MAX, PARTNER_FEED_URL_MAX, type Language } from '@ayni/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useId, useState, type FormEvent } from 'react';
import { languageLabels, languageOptions } from '../articles/labels.js';
import { TopicsField, splitTopics, type TopicOption as Topic } from '../TopicsField.js';
import { Field, SelectField } from '../Field.js';
import { formatDateTimeIn } from '../format.js';
import { Link } from '../router.js';
import { errorMessage, fieldErrors, useTRPC } from '../trpc.js';
import { useConfirm } from '../ui/ConfirmDialog.js';

export type FeedView = inferRouterOutputs<AppRouter>['partnerFeeds']['list'][number];
type Health = FeedView['health'];

/** Reports the outcome of an action in the page's status (success) or alert (failure) region. */
export type Report = { done: (message: string) => void; failed: (error: unknown) => void; clear: () => void };

/** A message for the next page that reports (the feeds list after a feed's page removed its feed). */
let carriedNotice: string | null = null;
export function carryNotice(message: string) {
  carriedNotice = message;
}

export function useReport(): [Report, { notice: string | null; problem: string | null }] {
  const [state, setState] = useState<{ notice: string | null; problem: string | null }>(() => {
    const notice = carriedNotice;
    carriedNotice = null;
    return { notice, problem: null };
  });
  const report: Report = {
    done: (notice) => setState({ notice, problem: null }),
    failed: (error) => setState({ notice: null, problem: errorMessage(error) }),
    clear: () => setState({ notice: null, problem: null }),
  };
  return [report, state];
}

export function ReportRegions({ notice, problem }: { notice: string | null; problem: string | null }) {
  return (
    <>
      <p role="status" aria-live="polite" className="notice ok">
        {notice}
      </p>
      <p role="alert" className="notice error">
        {problem}
      </p>
    </>
  );
}

const healthLabels: Record<Health, string> = {
  ok: 'Healthy',
  failing: 'Failing',
  paused: 'Paused',
  waiting: 'Waiting for its first fetch',
};
const healthBadge: Record<Health, string> = {
  ok: 'sent',
  failing: 'failed',
  paused: 'queued',
  waiting: 'scheduled',
};

export function HealthBadge({ health }: { health: Health }) {
  return <span className={`badge ${healthBadge[health]}`}>{healthLabels[health]}</span>;
}

/** How often a page showing feeds asks again: often while a fetch is on its way, otherwise now and then. */
export const QUICK_REFRESH_MS = 2_000;
export const SLOW_REFRESH_MS = 15_000;
/** After "Fetch now", "Resume" or adding a feed, the page refreshes quickly for this long. */
const WATCH_MS = 30_000;

/** A moment until which the page refreshes quickly; `watch()` starts (or extends) it. */
export function useWatch(): [() => boolean, () => void] {
  const [until, setUntil] = useState(0);
  return [() => Date.now() < until, () => setUntil(Date.now() + WATCH_MS)];
}

/** Invalidates every partner-feed query (the list and each feed's page) after a change. */
export function useRefreshFeeds() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.partnerFeeds.pathKey() });
}

/** A feed keeps topic slugs; a topic that does not exist yet is named as it will be when a draft creates it. */
export function topicNames(slugs: readonly string[], topics: readonly Topic[] | undefined): string {
  const names = new Map((topics ?? []).map((t) => [t.slug, t.name] as const));
  return slugs.map((s) => names.get(s) ?? s.replace(/-/g, ' ')).join(', ');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The feed's status as a list of facts: what a person checking on it wants to know, in words. */
export function FeedFacts({
  feed,
  timeZone,
  itemCount,
}: {
  feed: FeedView;
  timeZone: string;
  itemCount: number | null;
}) {
  const at = (iso: string | null) => formatDateTimeIn(iso, timeZone);
  return (
    <>
      {feed.health === 'failing' && feed.lastError ? (
        <div className="feed-error">
          <p>
            <strong>
              {feed.consecutiveFailures > 1
                ? `The last ${feed.consecutiveFailures} fetches failed.`
                : 'The last fetch failed.'}
            </strong>{' '}
            Next try {at(feed.nextFetchAt)}; earlier items stay on the site.
          </p>
          <p>
            <span className="detail">Error at {at(feed.lastErrorAt)}:</span>{' '}
            <span className="error-text">{feed.lastError}</span>
          </p>
        </div>
      ) : null}
      <dl className="facts-grid">
        <div>
          <dt>Language</dt>
          <dd>{languageLabels[feed.language]}</dd>
        </div>
        <div>
          <dt>Last fetched</dt>
          <dd>{feed.lastFetchedAt ? at(feed.lastFetchedAt) : 'Not yet'}</dd>
        </div>
        <div>
          <dt>Last new item</dt>
          <dd>{feed.lastNewItemAt ? at(feed.lastNewItemAt) : 'None yet'}</dd>
        </div>
        <div>
          <dt>Items</dt>
          <dd>{itemCount ?? '—'}</dd>
        </div>
        {feed.health === 'ok' || feed.health === 'waiting' ? (
          <div>
            <dt>Next fetch</dt>
            <dd>{at(feed.nextFetchAt)}</dd>
          </div>
        ) : null}
        {feed.lastError && feed.health !== 'failing' ? (
          <div className="wide">
            <dt>Last error</dt>
            <dd>
              {at(feed.lastErrorAt)}: <span className="error-text">{feed.lastError}</span>
            </dd>
          </div>
        ) : null}
        {feed.lastWarning ? (
          <div className="wide">
            <dt>Last warning</dt>
            <dd>{feed.lastWarning}</dd>
          </div>
        ) : null}
      </dl>
    </>
  );
}

/** Pause or resume, fetch now, remove. `onRemoved` runs after a removal (the feed's page leaves for the list). */
export function FeedActions({
  feed,
  report,
  onFetching,
  onRemoved,
}: {
  feed: FeedView;
  report: Report;
  onFetching: () => void;
  onRemoved?: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshFeeds();
  const pause = useMutation(trpc.partnerFeeds.pause.mutationOptions({ onSettled: refresh }));
  const resume = useMutation(trpc.partnerFeeds.resume.mutationOptions({ onSettled: refresh }));
  const fetchNow = useMutation(trpc.partnerFeeds.fetchNow.mutationOptions({ onSettled: refresh }));
  // Refreshed after `onRemoved`, so the feed's own page leaves before its query would find the feed gone.
  const remove = useMutation(trpc.partnerFeeds.delete.mutationOptions());
  const busy = pause.isPending || resume.isPending || fetchNow.isPending || remove.isPending;
  const input = { id: feed.id };
  const { confirm, dialog } = useConfirm();

  return (
    <div className="actions" role="group" aria-label={`Actions for ${feed.name}`}>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        aria-label={`Fetch now: ${feed.name}`}
        onClick={() => {
          report.clear();
          fetchNow.mutate(input, {
            onSuccess: () => {
              onFetching();
              report.done(`Fetching “${feed.name}” now. Its status here updates when it is done.`);
            },
            onError: report.failed,
          });
        }}
      >
        Fetch now
      </button>
      {feed.paused ? (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          aria-label={`Resume ${feed.name}`}
          onClick={() => {
            report.clear();
            resume.mutate(input, {
              onSuccess: () => {
                onFetching();
                report.done(`Resumed “${feed.name}”: it is being fetched now.`);
              },
              onError: report.failed,
            });
          }}
        >
          Resume
        </button>
      ) : (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          aria-label={`Pause ${feed.name}`}
          onClick={() => {
            report.clear();
            pause.mutate(input, {
              onSuccess: () =>
                report.done(`Paused “${feed.name}”: it is not fetched until resumed. Its items stay.`),
              onError: report.failed,
            });
          }}
        >
          Pause
        </button>
      )}
      <button
        type="button"
        className="secondary danger"
        disabled={busy}
        aria-label={`Remove ${feed.name}`}
        onClick={async () => {
          const sure = await confirm({
            title: `Remove “${feed.name}”?`,
            message: 'Its items disappear from the site. Drafts already made from them are kept.',
            confirmLabel: 'Remove',
          });
          if (!sure) return;
          report.clear();
          remove.mutate(input, {
            onSuccess: () => {
              report.done(`Removed “${feed.name}” and its items.`);
              onRemoved?.();
              void refresh();
            },
            onError: (error) => {
              report.failed(error);
              void refresh();
            },
          });
        }}
      >
        Remove
      </button>
      {dialog}
    </div>
  );
}

/** What the feed form holds: everything as the text in its control. */
export type FeedValues = { url: string; name: string; language: Language; topics: string };

export function feedValuesFrom(feed: FeedView, topics: readonly Topic[] | undefined): FeedValues {
  return { url: feed.url, name: feed.name, language: feed.language, topics: topicNames(feed.topics, topics) };
}

/**
 * Add or change a feed. `save` sends the values (as the API's input); the server's field messages appear next to
 * their fields, and a list of them at the top so a screen reader hears them at once.
 */
export function FeedForm({
  initial,
  submitLabel,
  pendingLabel,
  save,
  pending,
  error,
}: {
  initial: FeedValues;
  submitLabel: string;
  pendingLabel: string;
  save: (input: { url: string; name: string; language: Language; topics: string[] }) => void;
  pending: boolean;
  error: unknown;
}) {
  const trpc = useTRPC();
  const topics = useQuery(trpc.articles.topics.queryOptions());
  const [values, setValues] = useState<FeedValues>(initial);
  const set = <K extends keyof FeedValues>(key: K, value: FeedValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const errors = fieldErrors(error);
  const errorFor = (key: string) => {
    const found = Object.entries(errors)
      .filter(([k]) => k === key || k.startsWith(`${key}.`))
      .flatMap(([, messages]) => messages);
    return found.length ? found : undefined;
  };
  // The domain's messages name their field ("Feed address is required"), so they read well in a list too.
  const fieldMessages = [...new Set(Object.values(errors).flat())];
  const general = error && fieldMessages.length === 0 ? errorMessage(error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    save({
      url: values.url.trim(),
      name: values.name,
      language: values.language,
      topics: splitTopics(values.topics),
    });
  }

  return (
    <form className="panel" onSubmit={submit} noValidate>
      {fieldMessages.length ? (
        <div role="alert" className="error">
          <p>The feed was not saved: correct the fields marked below.</p>
          <ul>
            {fieldMessages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {general ? (
        <p role="alert" className="error">
          {general}
        </p>
      ) : null}
      <Field
        label="Feed address"
        name="url"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        required
        maxLength={PARTNER_FEED_URL_MAX}
        hint="The address of the partner's RSS, Atom or JSON feed, starting with https://"
        value={values.url}
        onChange={(e) => set('url', e.target.value)}
        errors={errorFor('url')}
      />
      <Field
        label="Display name"
        name="name"
        required
        maxLength={PARTNER_FEED_NAME_MAX}
        hint="The partner's name as readers see it next to each item, e.g. “Puno Water Defenders”."
        value={values.name}
        onChange={(e) => set('name', e.target.value)}
        errors={errorFor('name')}
      />
      <SelectField
        label="Language"
        name="language"
        hint="English items are listed at /partners, Spanish ones at /es/partners."
        options={languageOptions}
        value={values.language}
        onChange={(e) => set('language', e.target.value as Language)}
        errors={errorFor('language')}
      />
      <TopicsField
        value={values.topics}
        onChange={(v) => set('topics', v)}
        topics={topics.data ?? []}
        errors={errorFor('topics')}
        hint="Given to drafts made from this feed's items. Separate topics with commas; new ones are created when a draft is made."
      />
      <button type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}

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
  const settings = useQuery(trpc.settings.get.queryOptions());
  const topics = useQuery(trpc.articles.topics.queryOptions());
  const timeZone = settings.data?.timeZone ?? 'UTC';
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
                  timeZone={timeZone}
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
  timeZone,
  topics,
  canEdit,
  report,
  onFetching,
}: {
  feed: FeedView;
  timeZone: string;
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
        <FeedFacts feed={feed} timeZone={timeZone} itemCount={feed.itemCount} />
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
