// Topics and their names in English and Spanish: the public site shows the name in the page's language (the
// English one until a Spanish one is given). One row per topic, with how many articles, feeds and campaigns carry it; names
// are changed in place; a topic can be merged into another (everything it was given to keeps a topic) or, when
// nothing carries it, deleted. A topic's slug — its address on the site — does not change.
import type { TopicWithUsage } from '@ayni/domain';
import { topicPath } from '@ayni/domain/paths';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Field, SelectField } from '../Field.js';
import { useTRPC } from '../trpc.js';
import { useConfirm } from '../ui/ConfirmDialog.js';
import { DataTable } from '../ui/DataTable.js';
import { ErrorSummary, useFormState } from '../ui/form.js';
import { ReportRegions, useReport, type Report } from '../ui/report.js';

type Topic = TopicWithUsage;

const nameLabels = { name: 'English name', nameEs: 'Spanish name' };

function useRefreshTopics() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.topics.list.queryKey() }),
      // The article editor's topic picker and the articles list name topics too.
      queryClient.invalidateQueries({ queryKey: trpc.articles.pathKey() }),
    ]);
}

function usedBy(t: Topic): string {
  const parts = [
    t.articles ? `${t.articles} article${t.articles === 1 ? '' : 's'}` : null,
    t.feeds ? `${t.feeds} feed${t.feeds === 1 ? '' : 's'}` : null,
    t.campaigns ? `${t.campaigns} campaign${t.campaigns === 1 ? '' : 's'}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Nothing yet';
}

export function Topics({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const topics = useQuery(trpc.topics.list.queryOptions());
  const [report, reported] = useReport();
  const missing = topics.data?.filter((t) => !t.nameEs).length ?? 0;
  return (
    <>
      <h1>Topics</h1>
      <p>
        Topics group articles on the site (<code>/topics/…</code>). Give each a name in both languages:
        Spanish pages show the Spanish name, or the English one until there is a Spanish name.
      </p>
      <ReportRegions {...reported} />
      {missing > 0 ? (
        <p className="warn">
          {missing === 1 ? '1 topic has' : `${missing} topics have`} no Spanish name yet.
        </p>
      ) : null}
      <DataTable
        caption="Topics, with their names and what carries them"
        rows={topics.data}
        rowKey={(t) => t.slug}
        loadingText="Loading topics…"
        error={topics.isError ? `Could not load the topics: ${topics.error.message}` : null}
        empty={<p>No topics yet: create one below, or give an article a topic.</p>}
        columns={[
          {
            header: 'Topic',
            rowHeader: true,
            cell: (t) => (
              <>
                {t.name}
                <span className="detail">
                  {' '}
                  <code>{topicPath('en', t.slug)}</code>
                </span>
              </>
            ),
          },
          { header: 'Names', cell: (t) => <TopicNames topic={t} canEdit={canEdit} report={report} /> },
          { header: 'Used by', cell: usedBy },
          canEdit && {
            header: 'Merge or delete',
            cell: (t) => <TopicActions topic={t} others={topics.data ?? []} report={report} />,
          },
        ]}
      />
      {canEdit ? <NewTopic report={report} /> : null}
    </>
  );
}

/** The topic's two names, changed in place. */
function TopicNames({ topic, canEdit, report }: { topic: Topic; canEdit: boolean; report: Report }) {
  const trpc = useTRPC();
  const refresh = useRefreshTopics();
  const rename = useMutation(trpc.topics.rename.mutationOptions());
  const form = useFormState({ name: topic.name, nameEs: topic.nameEs ?? '' }, rename.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    report.clear();
    rename.mutate(
      { slug: topic.slug, ...form.values },
      {
        onSuccess: async (t) => {
          form.setValues({ name: t.name, nameEs: t.nameEs ?? '' });
          report.done(`Saved the names of “${t.name}”.`);
          await refresh();
        },
      },
    );
  }

  return (
    <form className="topic-names" onSubmit={submit} noValidate aria-label={`Names of ${topic.slug}`}>
      <ErrorSummary form={form} title="The names were not saved" labels={nameLabels} />
      <fieldset disabled={!canEdit} className="plain">
        <legend className="sr-only">Names of the topic {topic.slug}</legend>
        <Field label="English name" required {...form.field('name')} />
        <Field label="Spanish name" lang="es" {...form.field('nameEs')} />
        {canEdit ? (
          <button type="submit" className="secondary" disabled={rename.isPending}>
            {rename.isPending ? 'Saving…' : 'Save names'}
          </button>
        ) : null}
      </fieldset>
    </form>
  );
}

/** Merge into another topic, or delete when nothing carries it; both ask first. */
function TopicActions({ topic, others, report }: { topic: Topic; others: Topic[]; report: Report }) {
  const trpc = useTRPC();
  const refresh = useRefreshTopics();
  const merge = useMutation(trpc.topics.merge.mutationOptions());
  const remove = useMutation(trpc.topics.delete.mutationOptions());
  const [into, setInto] = useState('');
  const { confirm, dialog } = useConfirm();
  const targets = others.filter((t) => t.slug !== topic.slug);
  const target = targets.find((t) => t.slug === into);

  async function onMerge(event: FormEvent) {
    event.preventDefault();
    if (!target) {
      report.failed(new Error(`Choose the topic to merge “${topic.name}” into.`));
      return;
    }
    const sure = await confirm({
      title: `Merge “${topic.name}” into “${target.name}”?`,
      message: `${usedBy(topic)} will have “${target.name}” instead, and “${topic.name}” and its page on the site go.`,
      confirmLabel: 'Merge',
    });
    if (!sure) return;
    report.clear();
    merge.mutate(
      { from: topic.slug, into: target.slug },
      {
        onSuccess: async () => {
          report.done(`Merged “${topic.name}” into “${target.name}”.`);
          await refresh();
        },
        onError: report.failed,
      },
    );
  }

  async function onDelete() {
    const sure = await confirm({
      title: `Delete “${topic.name}”?`,
      message: 'Nothing carries this topic, so nothing else changes.',
      confirmLabel: 'Delete',
    });
    if (!sure) return;
    report.clear();
    remove.mutate(
      { slug: topic.slug },
      {
        onSuccess: async () => {
          report.done(`Deleted the topic “${topic.name}”.`);
          await refresh();
        },
        onError: report.failed,
      },
    );
  }

  return (
    <div className="topic-actions">
      {targets.length ? (
        <form onSubmit={(e) => void onMerge(e)} aria-label={`Merge ${topic.name}`}>
          <SelectField
            label={`Merge “${topic.name}” into`}
            value={into}
            onChange={(e) => setInto(e.target.value)}
            options={[['', 'Choose a topic'], ...targets.map((t) => [t.slug, t.name] as const)]}
          />
          <button type="submit" className="secondary" disabled={merge.isPending}>
            Merge
          </button>
        </form>
      ) : null}
      {topic.articles + topic.feeds + topic.campaigns === 0 ? (
        <button
          type="button"
          className="secondary danger"
          disabled={remove.isPending}
          onClick={() => void onDelete()}
        >
          Delete
        </button>
      ) : null}
      {dialog}
    </div>
  );
}

function NewTopic({ report }: { report: Report }) {
  const trpc = useTRPC();
  const refresh = useRefreshTopics();
  const create = useMutation(trpc.topics.create.mutationOptions());
  const form = useFormState({ name: '', nameEs: '' }, create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    report.clear();
    create.mutate(form.values, {
      onSuccess: async (t) => {
        form.setValues({ name: '', nameEs: '' });
        report.done(`Created the topic “${t.name}” (${topicPath('en', t.slug)}).`);
        await refresh();
      },
    });
  }

  return (
    <section aria-labelledby="new-topic-h">
      <h2 id="new-topic-h">New topic</h2>
      <form className="panel" onSubmit={submit} noValidate>
        <ErrorSummary form={form} title="The topic was not created" labels={nameLabels} />
        <div className="field-row">
          <Field label="English name" required {...form.field('name')} />
          <Field label="Spanish name" lang="es" {...form.field('nameEs')} />
        </div>
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create topic'}
        </button>
      </form>
    </section>
  );
}
