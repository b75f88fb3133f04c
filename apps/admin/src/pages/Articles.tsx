// The list of articles and pages: filter by status, kind, language, topic, author or title; newest first, 25 at a
// time with "Show more".
import {
  articleKinds,
  articleStatuses,
  languages,
  type ArticleKind,
  type ArticleStatus,
  type Language,
} from '@ayni/domain';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { kindLabels, kindOptions, languageLabels, statusLabel, statusLabels } from '../articles/labels.js';
import { useOrgTime, type OrgTime } from '../org-time.js';
import { Link } from '../router.js';
import { DataTable, moreOf } from '../ui/DataTable.js';
import { FilterInput, FilterSelect } from '../ui/filters.js';
import { useTRPC } from '../trpc.js';

type Filters = {
  status: '' | ArticleStatus;
  kind: '' | ArticleKind;
  language: '' | Language;
  topic: string;
  authorId: string;
  q: string;
};

const noFilters: Filters = { status: '', kind: '', language: '', topic: '', authorId: '', q: '' };
const filterKeys = Object.keys(noFilters) as (keyof Filters)[];

/** The filters in the page's address (`/articles?status=scheduled`), so a link can open the list filtered. */
function filtersFromAddress(search: string): Filters {
  const params = new URLSearchParams(search);
  const read = (key: keyof Filters) => params.get(key) ?? '';
  const pick = <T extends string>(value: string, allowed: readonly T[]): T | '' =>
    (allowed as readonly string[]).includes(value) ? (value as T) : '';
  return {
    status: pick(read('status'), articleStatuses),
    kind: pick(read('kind'), articleKinds),
    language: pick(read('language'), languages),
    topic: read('topic'),
    authorId: read('authorId'),
    q: read('q'),
  };
}

function addressOf(f: Filters): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) if (f[key].trim()) params.set(key, f[key].trim());
  const query = params.toString();
  return query ? `/articles?${query}` : '/articles';
}

/** Only the filters that are set, as the API expects them. */
function toInput(f: Filters) {
  return {
    ...(f.status ? { status: f.status } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.language ? { language: f.language } : {}),
    ...(f.topic ? { topic: f.topic } : {}),
    ...(f.authorId ? { authorId: f.authorId } : {}),
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    limit: 25,
  };
}

export function Articles({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const [draft, setDraft] = useState<Filters>(() => filtersFromAddress(window.location.search));
  const [applied, setApplied] = useState<Filters>(draft);
  const filtering = JSON.stringify(applied) !== JSON.stringify(noFilters);
  const list = useInfiniteQuery(
    trpc.articles.list.infiniteQueryOptions(toInput(applied), {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  );
  const topics = useQuery(trpc.articles.topics.queryOptions());
  const authors = useQuery(trpc.articles.authors.queryOptions());
  const at = useOrgTime();
  const topicNames = useMemo(
    () => new Map((topics.data ?? []).map((t) => [t.slug, t.name] as const)),
    [topics.data],
  );
  const articles = list.data?.pages.flatMap((p) => p.articles) ?? [];

  // The address follows the filters (replacing it, so Back leaves the list rather than undoing a filter).
  useEffect(() => {
    const address = addressOf(applied);
    if (address !== window.location.pathname + window.location.search) {
      window.history.replaceState(window.history.state, '', address);
    }
  }, [applied]);
  // Typing in the title box filters after a pause, not at every key.
  useEffect(() => {
    if (draft.q === applied.q) return;
    const timer = setTimeout(() => setApplied((current) => ({ ...current, q: draft.q })), 400);
    return () => clearTimeout(timer);
  }, [draft.q, applied.q]);

  function apply(event: FormEvent) {
    event.preventDefault();
    setApplied(draft);
  }
  function clear() {
    setDraft(noFilters);
    setApplied(noFilters);
  }
  /** A choice in a list applies at once; the title box applies after a pause or with the Filter button. */
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => {
    setDraft({ ...draft, [key]: value });
    if (key !== 'q') setApplied({ ...applied, [key]: value });
  };

  return (
    <>
      <div className="page-head">
        <h1>Articles</h1>
        {canEdit ? (
          <Link to="/articles/new" className="button-link">
            New article
          </Link>
        ) : null}
      </div>
      <p>News items and static pages for the public site, in English and Spanish.</p>

      <form className="filters" onSubmit={apply} role="search" aria-label="Filter articles">
        <FilterSelect
          label="Status"
          value={draft.status}
          onChange={(v) => set('status', v as Filters['status'])}
          options={[['', 'Any status'], ...Object.entries(statusLabels)]}
        />
        <FilterSelect
          label="Kind"
          value={draft.kind}
          onChange={(v) => set('kind', v as Filters['kind'])}
          options={[['', 'Any kind'], ...kindOptions]}
        />
        <FilterSelect
          label="Language"
          value={draft.language}
          onChange={(v) => set('language', v as Filters['language'])}
          options={[['', 'Any language'], ...Object.entries(languageLabels)]}
        />
        <FilterSelect
          label="Topic"
          value={draft.topic}
          onChange={(v) => set('topic', v)}
          options={[['', 'Any topic'], ...(topics.data ?? []).map((t) => [t.slug, t.name] as const)]}
        />
        <FilterSelect
          label="Author"
          value={draft.authorId}
          onChange={(v) => set('authorId', v)}
          options={[['', 'Anyone'], ...(authors.data ?? []).map((a) => [a.id, a.name] as const)]}
        />
        <FilterInput label="Title contains" value={draft.q} onChange={(v) => set('q', v)} />
        <div className="filter-buttons">
          <button type="submit">Filter</button>
          {filtering || JSON.stringify(draft) !== JSON.stringify(noFilters) ? (
            <button type="button" className="secondary" onClick={clear}>
              Clear filters
            </button>
          ) : null}
        </div>
      </form>

      <DataTable
        className="articles"
        caption={`Articles${filtering ? ' matching the filters' : ''}, newest first`}
        rows={list.data ? articles : undefined}
        rowKey={(a) => a.id}
        loadingText="Loading articles…"
        error={list.isError ? `Could not load the articles: ${list.error.message}` : null}
        empty={
          filtering ? (
            <p>
              No articles match these filters.{' '}
              <button type="button" className="link-button" onClick={clear}>
                Clear filters
              </button>
            </p>
          ) : (
            <p>
              No articles yet.{' '}
              {canEdit ? (
                <Link to="/articles/new">Write the first one.</Link>
              ) : (
                'An editor can write the first one.'
              )}
            </p>
          )
        }
        more={moreOf(list, 'Show more')}
        columns={[
          {
            header: 'Title',
            rowHeader: true,
            cell: (a) => <Link to={`/articles/${a.id}`}>{a.title || 'Untitled'}</Link>,
          },
          {
            header: 'Status',
            cell: (a) => <span className={`badge ${a.status}`}>{statusLabel(a.status)}</span>,
          },
          {
            header: 'Language',
            cell: (a) => (
              <>
                {languageLabels[a.language]}
                {a.translation ? (
                  <span className="translation">
                    {' '}
                    · {languageLabels[a.translation.language]}:{' '}
                    <Link to={`/articles/${a.translation.id}`}>{a.translation.title || 'Untitled'}</Link>{' '}
                    <span className="detail">({statusLabel(a.translation.status).toLowerCase()})</span>
                  </span>
                ) : null}
              </>
            ),
          },
          { header: 'Kind', cell: (a) => kindLabels[a.kind] },
          { header: 'Topics', cell: (a) => a.topics.map((t) => topicNames.get(t) ?? t).join(', ') || '—' },
          { header: 'Author', cell: (a) => a.authorName ?? '—' },
          {
            header: 'Date',
            cell: (a) =>
              a.status === 'published' && a.publishedAt ? (
                <>
                  Published <When at={a.publishedAt} format={at} />
                </>
              ) : a.status === 'scheduled' && a.scheduledFor ? (
                <>
                  Scheduled for <When at={a.scheduledFor} format={at} />
                </>
              ) : (
                <>
                  Created <When at={a.createdAt} format={at} />
                </>
              ),
          },
        ]}
      />
      <p role="status" aria-live="polite" className="sr-only">
        {list.isSuccess ? `${articles.length} article${articles.length === 1 ? '' : 's'} shown` : ''}
      </p>
    </>
  );
}

function When({ at, format }: { at: Date; format: OrgTime }) {
  return <time dateTime={at.toISOString()}>{format(at)}</time>;
}
