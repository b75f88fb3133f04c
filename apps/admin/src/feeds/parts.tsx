// The partner-feed parts the feeds list and a feed's own page both show: its health badge, its facts, its actions
// (pause/resume, fetch now, remove) and the form to add or change a feed.
import type { AppRouter } from '@ayni/api';
import { PARTNER_FEED_NAME_MAX, PARTNER_FEED_URL_MAX, type Language } from '@ayni/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useState, type FormEvent } from 'react';
import { languageLabels, languageOptions } from '../articles/labels.js';
import { TopicsField, splitTopics, type TopicOption as Topic } from '../TopicsField.js';
import { Field, SelectField } from '../Field.js';
import { useOrgTime } from '../org-time.js';
import { useTRPC } from '../trpc.js';
import { ErrorSummary, useFormState } from '../ui/form.js';
import type { Report } from '../ui/report.js';
import { useConfirm } from '../ui/ConfirmDialog.js';

export type FeedView = inferRouterOutputs<AppRouter>['partnerFeeds']['list'][number];
type Health = FeedView['health'];

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

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The feed's status as a list of facts: what a person checking on it wants to know, in words. */
export function FeedFacts({ feed, itemCount }: { feed: FeedView; itemCount: number | null }) {
  const at = useOrgTime();
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
  const form = useFormState<FeedValues>(initial, error);
  const { values } = form;

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
      <ErrorSummary
        form={form}
        title="The feed was not saved"
        labels={{ url: 'Feed address', name: 'Display name', language: 'Language', topics: 'Topics' }}
      />
      <Field
        label="Feed address"
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        required
        maxLength={PARTNER_FEED_URL_MAX}
        hint="The address of the partner's RSS, Atom or JSON feed, starting with https://"
        {...form.field('url')}
      />
      <Field
        label="Display name"
        required
        maxLength={PARTNER_FEED_NAME_MAX}
        hint="The partner's name as readers see it next to each item, e.g. “Puno Water Defenders”."
        {...form.field('name')}
      />
      <SelectField
        label="Language"
        hint="English items are listed at /partners, Spanish ones at /es/partners."
        options={languageOptions}
        {...form.field('language')}
      />
      <TopicsField
        value={values.topics}
        id={form.idOf('topics')}
        onChange={(v) => form.set('topics', v)}
        topics={topics.data ?? []}
        errors={form.errorsFor('topics')}
        hint="Given to drafts made from this feed's items. Separate topics with commas; new ones are created when a draft is made."
      />
      <button type="submit" disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
