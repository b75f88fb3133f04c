// Writing a campaign: its texts in each language it is written in (title, slug, summary, the story in Markdown,
// the petition's wording), the petition (whom it is addressed to, its goal, its deadline in the organisation's time
// zone), its milestones, the related articles and updates, its topics; then launch, close and reopen beside it
// (campaigns/StatusPanel.tsx). Every save sends the copy it was made on (its updatedAt): if someone saved since,
// nothing is overwritten and the form says so. Leaving with unsaved changes asks first.
import {
  languages,
  slugify,
  utcToZonedDateTime,
  type ArticleChoice,
  type CampaignDetail,
  type CampaignEditInput,
  type CampaignStatus,
  type Language,
} from '@ayni/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { BodyField } from '../articles/BodyField.js';
import { isConflict } from '../articles/editing.js';
import { languageLabels } from '../articles/labels.js';
import { ArticlePicker } from '../campaigns/ArticlePicker.js';
import { milestoneLabels, MilestonesField, type MilestoneDraft } from '../campaigns/MilestonesField.js';
import { StatusPanel, type StatusChange } from '../campaigns/StatusPanel.js';
import { Field, TextAreaField } from '../Field.js';
import { localToIso, momentInWords, useOrgTime } from '../org-time.js';
import {
  clearNavigationNote,
  Link,
  navigate,
  readNavigationNote,
  useUnsavedChangesWarning,
} from '../router.js';
import { TopicsField, splitTopics, type TopicOption } from '../TopicsField.js';
import { errorMessage, useTRPC } from '../trpc.js';
import { ErrorSummary, useFormState } from '../ui/form.js';

const LEAVE_MESSAGE = 'This campaign has changes that are not saved. Leave without saving them?';

/** `id` null: a new campaign, created (as a draft) on the first save. */
export function CampaignEditor({ id, canEdit }: { id: string | null; canEdit: boolean }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.get.queryOptions());
  const topics = useQuery(trpc.articles.topics.queryOptions());
  const campaign = useQuery({
    ...trpc.campaigns.get.queryOptions({ id: id ?? '' }),
    enabled: id !== null,
    // The form keeps its own copy; a refetch must not look like someone else's edit.
    refetchOnWindowFocus: false,
  });
  // Bumped by "Reload their version": the form starts again from what the server has now.
  const [generation, setGeneration] = useState(0);
  const failed = settings.error ?? topics.error ?? campaign.error;
  if (failed) {
    return (
      <>
        <h1>{id ? 'Edit campaign' : 'New campaign'}</h1>
        <p role="alert">Could not load the campaign: {errorMessage(failed)}</p>
        <p>
          <Link to="/campaigns">Back to all campaigns</Link>
        </p>
      </>
    );
  }
  if (!settings.data || !topics.data || (id !== null && !campaign.data)) {
    return <p role="status">Loading the campaign…</p>;
  }
  return (
    <CampaignForm
      key={generation}
      campaign={campaign.data ?? null}
      topics={topics.data}
      timeZone={settings.data.timeZone}
      siteUrl={settings.data.siteUrl}
      defaultLanguage={settings.data.defaultLanguage}
      canEdit={canEdit}
      onReload={async () => {
        await campaign.refetch();
        setGeneration((g) => g + 1);
      }}
    />
  );
}

type Values = Record<string, string>;

const textKeys = ['title', 'slug', 'summary', 'body', 'petitionText'] as const;

function valuesFrom(c: CampaignDetail | null, defaultLanguage: Language, timeZone: string): Values {
  const values: Values = {
    hasPetition: c ? (c.petition ? 'yes' : '') : 'yes',
    'petition.target': c?.petition?.target ?? '',
    'petition.signatureGoal': c?.petition ? String(c.petition.signatureGoal) : '',
    'petition.deadline': c?.petition?.deadline ? utcToZonedDateTime(c.petition.deadline, timeZone) : '',
    topics: c ? c.topics.map((t) => t.name).join(', ') : '',
  };
  for (const l of languages) {
    const text = c?.translations[l];
    values[`languages.${l}`] = (c ? text : l === defaultLanguage) ? 'yes' : '';
    for (const key of textKeys) values[`translations.${l}.${key}`] = text?.[key] ?? '';
  }
  return values;
}

function milestonesFrom(c: CampaignDetail | null): MilestoneDraft[] {
  return (c?.milestones ?? []).map((m) => ({
    key: m.id,
    id: m.id,
    reached: m.reached,
    date: m.date ? m.date.toISOString().slice(0, 10) : '',
    threshold: m.signatureThreshold === null ? '' : String(m.signatureThreshold),
    texts: {
      en: { title: m.translations.en?.title ?? '', description: m.translations.en?.description ?? '' },
      es: { title: m.translations.es?.title ?? '', description: m.translations.es?.description ?? '' },
    },
  }));
}

const chosenLanguages = (v: Values) => languages.filter((l) => v[`languages.${l}`] === 'yes');

/** A number box's text as the API's number: a whole number as itself, anything else refused by its schema. */
const asNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The form as the API's campaign input. */
function toInput(
  v: Values,
  milestones: readonly MilestoneDraft[],
  related: readonly ArticleChoice[],
  updates: readonly ArticleChoice[],
  timeZone: string,
): CampaignEditInput {
  const langs = chosenLanguages(v);
  const petition = v.hasPetition === 'yes';
  const deadline = v['petition.deadline']!.trim();
  return {
    translations: Object.fromEntries(
      langs.map((l) => {
        const at = (key: (typeof textKeys)[number]) => v[`translations.${l}.${key}`] ?? '';
        return [
          l,
          {
            slug: at('slug').trim(),
            title: at('title'),
            summary: at('summary'),
            body: at('body'),
            petitionText: petition ? at('petitionText') : null,
          },
        ];
      }),
    ),
    petition: petition
      ? {
          target: v['petition.target']!,
          signatureGoal: asNumber(v['petition.signatureGoal']!),
          deadline: deadline ? (localToIso(deadline, timeZone) ?? deadline) : null,
        }
      : null,
    milestones: milestones.map((m) => ({
      ...(m.id ? { id: m.id } : {}),
      date: m.date || null,
      signatureThreshold: m.threshold.trim() ? asNumber(m.threshold) : null,
      translations: Object.fromEntries(langs.map((l) => [l, m.texts[l]])),
    })),
    relatedArticleIds: related.map((a) => a.id),
    updateArticleIds: updates.map((a) => a.id),
    topics: splitTopics(v.topics ?? ''),
  };
}

function labelsFor(langs: readonly Language[], milestoneCount: number): Record<string, string> {
  const labels: Record<string, string> = {
    translations: 'Languages',
    petition: 'Petition',
    'petition.target': 'Petition target',
    'petition.signatureGoal': 'Signature goal',
    'petition.deadline': 'Deadline',
    relatedArticleIds: 'Related articles',
    updateArticleIds: 'Updates',
    topics: 'Topics',
    ...milestoneLabels(milestoneCount, langs),
  };
  for (const l of langs) {
    const name = languageLabels[l];
    labels[`translations.${l}.title`] = `Title (${name})`;
    labels[`translations.${l}.slug`] = `Slug (${name})`;
    labels[`translations.${l}.summary`] = `Summary (${name})`;
    labels[`translations.${l}.body`] = `Story (${name})`;
    labels[`translations.${l}.petitionText`] = `Petition text (${name})`;
  }
  return labels;
}

function CampaignForm({
  campaign,
  topics,
  timeZone,
  siteUrl,
  defaultLanguage,
  canEdit,
  onReload,
}: {
  campaign: CampaignDetail | null;
  topics: readonly TopicOption[];
  timeZone: string;
  siteUrl: string;
  defaultLanguage: Language;
  canEdit: boolean;
  onReload: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const at = useOrgTime();
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const form = useFormState<Values>(
    () => valuesFrom(campaign, defaultLanguage, timeZone),
    conflict ? null : error,
  );
  const { values, set } = form;
  const [milestones, setMilestones] = useState(() => milestonesFrom(campaign));
  const [related, setRelated] = useState<ArticleChoice[]>(() => campaign?.related ?? []);
  const [updates, setUpdates] = useState<ArticleChoice[]>(() => campaign?.updates ?? []);
  // Whether a milestone is reached is not the form's (its own button marks it): not an unsaved change.
  const snapshot = () =>
    JSON.stringify([values, milestones.map(({ reached: _r, ...m }) => m), related, updates]);
  const [baseline, setBaseline] = useState(snapshot);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(campaign?.updatedAt ?? null);
  const [status, setStatus] = useState<CampaignStatus>(campaign?.status ?? 'draft');
  const [closedReason, setClosedReason] = useState(campaign?.closedReason ?? null);
  const [savedAt, setSavedAt] = useState<Date | null>(() => {
    const note = readNavigationNote()?.savedAt;
    return note && campaign ? new Date(note) : null;
  });
  const [reloading, setReloading] = useState(false);
  const create = useMutation(trpc.campaigns.create.mutationOptions());
  const update = useMutation(trpc.campaigns.update.mutationOptions());
  const saving = create.isPending || update.isPending;
  const dirty = snapshot() !== baseline;
  useUnsavedChangesWarning(canEdit && dirty, LEAVE_MESSAGE);
  useEffect(() => clearNavigationNote('savedAt'), []);

  const langs = chosenLanguages(values);
  const hasPetition = values.hasPetition === 'yes';
  const labels = labelsFor(langs, milestones.length);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.campaigns.pathKey() });

  /** A save or a status change met someone else's save: say so, keep the form as typed. */
  function onConflict(e: unknown): boolean {
    if (!isConflict(e)) return false;
    setConflict(errorMessage(e));
    requestAnimationFrame(() => conflictRef.current?.focus());
    return true;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const sent = snapshot();
    const input = toInput(values, milestones, related, updates, timeZone);
    try {
      if (!campaign) {
        const created = await create.mutateAsync(input);
        setBaseline(sent);
        await refresh();
        navigate(`/campaigns/${created.id}`, {
          replace: true,
          force: true,
          note: { savedAt: new Date().toISOString() },
        });
        return;
      }
      const saved = await update.mutateAsync({ ...input, id: campaign.id, updatedAt: updatedAt! });
      setUpdatedAt(saved.updatedAt);
      setBaseline(sent);
      setSavedAt(new Date());
      setError(null);
      void refresh();
    } catch (e) {
      if (!onConflict(e)) setError(e);
    }
  }

  function onStatusChanged(change: StatusChange) {
    setUpdatedAt(change.updatedAt);
    setStatus(change.status);
    setClosedReason(change.closedReason);
    if (change.deadline) {
      const local = utcToZonedDateTime(change.deadline, timeZone);
      // The new deadline is the saved one now: it is not an unsaved change.
      set('petition.deadline', local);
      setBaseline(JSON.stringify([{ ...values, 'petition.deadline': local }, milestones, related, updates]));
    }
    void refresh();
  }

  const text = (l: Language, key: (typeof textKeys)[number]) => form.field(`translations.${l}.${key}`);

  return (
    <>
      <p className="back">
        <Link to="/campaigns">← All campaigns</Link>
      </p>
      <h1>{campaign ? 'Edit campaign' : 'New campaign'}</h1>

      {conflict ? (
        <div className="alert-box conflict" role="alert" tabIndex={-1} ref={conflictRef}>
          <p>
            <strong>{conflict}</strong>
          </p>
          <p>
            Your changes are still in the form below and were not saved. Copy anything you want to keep, then
            load their version.
          </p>
          <button
            type="button"
            disabled={reloading}
            onClick={() => {
              setReloading(true);
              void onReload().finally(() => setReloading(false));
            }}
          >
            {reloading ? 'Loading…' : 'Reload their version'}
          </button>
        </div>
      ) : null}
      <ErrorSummary form={form} title="The campaign was not saved" labels={labels} />

      {campaign && updatedAt ? (
        <StatusPanel
          campaign={campaign}
          status={status}
          closedReason={closedReason}
          updatedAt={updatedAt}
          siteUrl={siteUrl}
          timeZone={timeZone}
          canEdit={canEdit}
          dirty={dirty}
          onChanged={onStatusChanged}
          onConflict={onConflict}
        />
      ) : null}

      {canEdit ? null : (
        <p className="warn">You can read this campaign but not change it. Ask a campaigner to change it.</p>
      )}

      <form className="panel editor" onSubmit={(e) => void submit(e)} noValidate aria-label="Campaign">
        <fieldset disabled={!canEdit} className="plain">
          <legend className="sr-only">Campaign</legend>
          <fieldset className="group" id={form.idOf('translations')} tabIndex={-1}>
            <legend>Languages</legend>
            <p className="hint">The campaign has a page in each language it is written in.</p>
            {languages.map((l) => (
              <label key={l} className="check">
                <input
                  type="checkbox"
                  checked={values[`languages.${l}`] === 'yes'}
                  onChange={(e) => set(`languages.${l}`, e.target.checked ? 'yes' : '')}
                />{' '}
                Written in {languageLabels[l]}
              </label>
            ))}
            {form.errorsFor('translations') && !langs.length ? (
              <p className="error">{form.errorsFor('translations')!.join(' ')}</p>
            ) : null}
          </fieldset>

          {langs.map((l) => {
            const name = languageLabels[l];
            const generated = slugify(values[`translations.${l}.title`] ?? '');
            return (
              <fieldset key={l} className="group" lang={l}>
                <legend>Texts in {name}</legend>
                <Field label={`Title (${name})`} required maxLength={200} {...text(l, 'title')} />
                <Field
                  label={`Slug (${name})`}
                  autoComplete="off"
                  spellCheck={false}
                  placeholder={generated || 'made-from-the-title'}
                  hint={`The last part of the page’s address: lowercase letters, numbers and hyphens. Leave empty to make one from the title.`}
                  {...text(l, 'slug')}
                />
                <TextAreaField
                  label={`Summary (${name})`}
                  rows={2}
                  maxLength={500}
                  hint="One or two sentences, shown in the list of campaigns and in link previews."
                  {...text(l, 'summary')}
                />
                <BodyField
                  id={form.idOf(`translations.${l}.body`)}
                  label={`Story (${name})`}
                  name={`translations.${l}.body`}
                  previewLabel={`Preview of the story (${name})`}
                  preview="campaigns"
                  value={values[`translations.${l}.body`] ?? ''}
                  onChange={(v) => set(`translations.${l}.body`, v)}
                  errors={form.errorsFor(`translations.${l}.body`)}
                  canPreview={canEdit}
                />
                {hasPetition ? (
                  <TextAreaField
                    label={`Petition text (${name})`}
                    rows={4}
                    maxLength={5000}
                    required
                    hint="What the signers ask for, in their words: “We call on the Minister to…”"
                    {...text(l, 'petitionText')}
                  />
                ) : null}
              </fieldset>
            );
          })}

          <fieldset className="group">
            <legend>Petition</legend>
            <label className="check">
              <input
                type="checkbox"
                checked={hasPetition}
                onChange={(e) => set('hasPetition', e.target.checked ? 'yes' : '')}
              />{' '}
              This campaign has a petition to sign
            </label>
            {hasPetition ? (
              <>
                <Field
                  label="Petition target"
                  required
                  maxLength={200}
                  hint="Whom the petition is addressed to: “The Minister of Health”."
                  {...form.field('petition.target')}
                />
                <div className="field-row">
                  <Field
                    label="Signature goal"
                    type="number"
                    inputMode="numeric"
                    required
                    min={1}
                    step={1}
                    {...form.field('petition.signatureGoal')}
                  />
                  <Field
                    label="Deadline"
                    type="datetime-local"
                    hint={`Optional. In ${timeZone} time; the campaign closes by itself then.`}
                    description={
                      values['petition.deadline']
                        ? momentInWords('Closes on', values['petition.deadline'], timeZone, at)
                        : undefined
                    }
                    {...form.field('petition.deadline')}
                  />
                </div>
              </>
            ) : null}
          </fieldset>

          <MilestonesField
            milestones={milestones}
            onChange={setMilestones}
            languages={langs}
            form={form}
            disabled={!canEdit}
            campaignId={campaign?.id ?? null}
            onReached={(milestoneId) => {
              setMilestones((ms) => ms.map((m) => (m.id === milestoneId ? { ...m, reached: true } : m)));
              void refresh();
            }}
          />

          <ArticlePicker
            legend="Related articles"
            hint="News picked to read with the campaign, in this order; the page adds news sharing its topics after them."
            id={form.idOf('relatedArticleIds')}
            chosen={related}
            onChange={setRelated}
            ordered
            errors={form.errorsFor('relatedArticleIds')}
            disabled={!canEdit}
          />
          <ArticlePicker
            legend="Updates"
            hint="News about how the campaign is going, shown on its page newest first."
            id={form.idOf('updateArticleIds')}
            chosen={updates}
            onChange={setUpdates}
            ordered={false}
            errors={form.errorsFor('updateArticleIds')}
            disabled={!canEdit}
          />
          <TopicsField
            id={form.idOf('topics')}
            value={values.topics ?? ''}
            onChange={(v) => set('topics', v)}
            topics={topics}
            errors={form.errorsFor('topics')}
            hint="Separate topics with commas. The campaign’s page shows news on the same topics."
          />
        </fieldset>
        {canEdit ? (
          <div className="save-bar">
            <button type="submit" disabled={saving}>
              {saving ? 'Saving…' : campaign ? 'Save' : 'Save draft'}
            </button>
            <p role="status" aria-live="polite" className="save-status">
              {saving ? 'Saving…' : savedAt ? `Saved at ${at.time(savedAt)}` : ''}
            </p>
            {dirty && !saving ? <p className="unsaved">Unsaved changes</p> : null}
          </div>
        ) : null}
        {canEdit && status !== 'draft' ? (
          <p className="hint">This campaign is on the site: saving changes its pages at once.</p>
        ) : null}
      </form>
    </>
  );
}
