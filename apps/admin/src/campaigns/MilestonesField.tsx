// A campaign's milestones as the editor holds them: a title and description in each of the campaign's languages, a
// date, and an optional signature threshold (the count that marks it reached by itself). Added, removed and put in
// order here. Whether one is reached is not part of the form: a saved milestone is marked reached by its own button
// (the milestones API, which emails the signers who asked for news), or by its threshold.
import type { Language } from '@ayni/domain';
import { useMutation } from '@tanstack/react-query';
import { languageLabels } from '../articles/labels.js';
import { Field, TextAreaField } from '../Field.js';
import { useTRPC } from '../trpc.js';
import { useConfirm } from '../ui/ConfirmDialog.js';
import type { FormState } from '../ui/form.js';
import { ReportRegions, useReport, type Report } from '../ui/report.js';
import { ItemControls } from './ordered-list.js';

export interface MilestoneDraft {
  /** A key for React that stays while the list is reordered; the stored id when it has one. */
  key: string;
  id: string | null;
  reached: boolean;
  /** YYYY-MM-DD or empty. */
  date: string;
  threshold: string;
  texts: Record<Language, { title: string; description: string }>;
}

let made = 0;

export function newMilestone(): MilestoneDraft {
  made += 1;
  return {
    key: `new-${made}`,
    id: null,
    reached: false,
    date: '',
    threshold: '',
    texts: { en: { title: '', description: '' }, es: { title: '', description: '' } },
  };
}

/** The labels the error summary gives each milestone's fields. */
export function milestoneLabels(count: number, languages: readonly Language[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    labels[`milestones.${i}.date`] = `Milestone ${i + 1} date`;
    labels[`milestones.${i}.signatureThreshold`] = `Milestone ${i + 1} signature threshold`;
    for (const l of languages) {
      labels[`milestones.${i}.translations.${l}.title`] = `Milestone ${i + 1} title (${languageLabels[l]})`;
      labels[`milestones.${i}.translations.${l}.description`] =
        `Milestone ${i + 1} description (${languageLabels[l]})`;
    }
  }
  return labels;
}

/** "Mark reached": asks first (it emails people), then marks the saved milestone reached through the API. */
function MarkReached({
  campaignId,
  milestoneId,
  name,
  onReached,
  report,
}: {
  campaignId: string;
  milestoneId: string;
  name: string;
  onReached: (milestoneId: string) => void;
  /** Said below the list: this button goes once the milestone is reached. */
  report: Report;
}) {
  const trpc = useTRPC();
  const mark = useMutation(trpc.milestones.markReached.mutationOptions());
  const { confirm, dialog } = useConfirm();
  async function onClick() {
    report.clear();
    const yes = await confirm({
      title: `Mark “${name}” reached?`,
      message:
        'It shows as reached on the campaign’s page, and every confirmed signer who asked for news of the campaign is emailed about it, once. This cannot be undone.',
      confirmLabel: 'Mark reached',
    });
    if (!yes) return;
    try {
      await mark.mutateAsync({ campaignId, milestoneId });
      report.done(`Marked “${name}” reached: the signers who asked for news are being emailed.`);
      onReached(milestoneId);
    } catch (e) {
      report.failed(e);
    }
  }
  return (
    <>
      <button type="button" className="secondary" disabled={mark.isPending} onClick={() => void onClick()}>
        Mark “{name}” reached
      </button>
      {dialog}
    </>
  );
}

export function MilestonesField({
  milestones,
  onChange,
  languages,
  form,
  disabled,
  campaignId,
  onReached,
}: {
  milestones: readonly MilestoneDraft[];
  onChange: (milestones: MilestoneDraft[]) => void;
  languages: readonly Language[];
  form: Pick<FormState<Record<string, string>>, 'idOf' | 'errorsFor'>;
  disabled: boolean;
  /** The saved campaign's id (null while it is new): its saved milestones can be marked reached. */
  campaignId: string | null;
  onReached: (milestoneId: string) => void;
}) {
  const [report, reported] = useReport();
  const change = (index: number, next: Partial<MilestoneDraft>) =>
    onChange(milestones.map((m, i) => (i === index ? { ...m, ...next } : m)));
  const text = (index: number, language: Language, key: 'title' | 'description', value: string) => {
    const m = milestones[index]!;
    change(index, { texts: { ...m.texts, [language]: { ...m.texts[language], [key]: value } } });
  };
  const at = (i: number, rest: string) => {
    const key = `milestones.${i}.${rest}`;
    return { id: form.idOf(key), errors: form.errorsFor(key) };
  };
  return (
    <fieldset className="group milestones">
      <legend>Milestones</legend>
      <p className="hint">
        Steps on the way, shown as a timeline on the campaign’s page. A milestone with a signature threshold
        is marked reached by itself when the confirmed count gets there.
      </p>
      {milestones.length ? (
        <ol className="milestone-list">
          {milestones.map((m, i) => {
            const name = m.texts[languages[0] ?? 'en'].title.trim() || `Milestone ${i + 1}`;
            return (
              <li key={m.key} className="milestone">
                <div className="milestone-head">
                  <h3>
                    Milestone {i + 1}
                    {m.reached ? <span className="badge campaign-active">Reached</span> : null}
                  </h3>
                  {disabled ? null : (
                    <ItemControls list={milestones} index={i} name={name} onChange={onChange} />
                  )}
                </div>
                {languages.map((l) => (
                  <div key={l} className="field-row">
                    <Field
                      label={`Title (${languageLabels[l]})`}
                      maxLength={200}
                      value={m.texts[l].title}
                      onChange={(e) => text(i, l, 'title', e.target.value)}
                      {...at(i, `translations.${l}.title`)}
                    />
                    <TextAreaField
                      label={`Description (${languageLabels[l]})`}
                      rows={2}
                      maxLength={2000}
                      value={m.texts[l].description}
                      onChange={(e) => text(i, l, 'description', e.target.value)}
                      {...at(i, `translations.${l}.description`)}
                    />
                  </div>
                ))}
                <div className="field-row">
                  <Field
                    label="Date"
                    type="date"
                    hint="Optional: when it happened or is planned."
                    value={m.date}
                    onChange={(e) => change(i, { date: e.target.value })}
                    {...at(i, 'date')}
                  />
                  <Field
                    label="Signature threshold"
                    type="number"
                    inputMode="numeric"
                    min={1}
                    step={1}
                    hint="Optional: reached by itself at this many confirmed signatures."
                    value={m.threshold}
                    onChange={(e) => change(i, { threshold: e.target.value })}
                    {...at(i, 'signatureThreshold')}
                  />
                </div>
                {campaignId && m.id && !m.reached && !disabled ? (
                  <MarkReached
                    campaignId={campaignId}
                    milestoneId={m.id}
                    name={name}
                    onReached={onReached}
                    report={report}
                  />
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="detail">No milestones yet.</p>
      )}
      <ReportRegions {...reported} />
      {disabled ? null : (
        <button type="button" className="secondary" onClick={() => onChange([...milestones, newMilestone()])}>
          Add a milestone
        </button>
      )}
    </fieldset>
  );
}
