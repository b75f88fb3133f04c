// Writing an event: its texts in each language it is written in (title, slug, summary, description), when (start
// and end typed in the event's own zone, chosen from the list — the organisation's by default), where (venue,
// online link), the accessibility facts and free text, capacity, how people register and when registration opens
// and closes, and the campaign it belongs to; then publish, cancel and reschedule beside it
// (events/EventStatusPanel.tsx). Every save sends the copy it was made on (its updatedAt): if someone saved since,
// nothing is overwritten and the form says so. Leaving with unsaved changes asks first.
import {
  accessibilityFacts,
  languages,
  registrationModes,
  slugify,
  utcToZonedDateTime,
  type EventDetail,
  type EventEditInput,
  type Language,
} from '@ayni/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isConflict } from '../articles/editing.js';
import { languageLabels } from '../articles/labels.js';
import { EventStatusPanel, type EventStatusChange } from '../events/EventStatusPanel.js';
import { accessibilityFactLabels, registrationModeLabels } from '../events/labels.js';
import { Field, SelectField, TextAreaField } from '../Field.js';
import { localToIso, useOrgTime } from '../org-time.js';
import {
  clearNavigationNote,
  Link,
  navigate,
  readNavigationNote,
  useUnsavedChangesWarning,
} from '../router.js';
import { timeZones } from '../time-zones.js';
import { errorMessage, useTRPC } from '../trpc.js';
import { ErrorSummary, useFormState } from '../ui/form.js';

const LEAVE_MESSAGE = 'This event has changes that are not saved. Leave without saving them?';

/** `id` null: a new event, created (as a draft) on the first save. */
export function EventEditor({ id, canEdit }: { id: string | null; canEdit: boolean }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.get.queryOptions());
  const campaigns = useQuery(trpc.events.campaigns.queryOptions());
  const event = useQuery({
    ...trpc.events.get.queryOptions({ id: id ?? '' }),
    enabled: id !== null,
    refetchOnWindowFocus: false,
  });
  const [generation, setGeneration] = useState(0);
  const failed = settings.error ?? campaigns.error ?? event.error;
  if (failed) {
    return (
      <>
        <h1>{id ? 'Edit event' : 'New event'}</h1>
        <p role="alert">Could not load the event: {errorMessage(failed)}</p>
        <p>
          <Link to="/events">Back to all events</Link>
        </p>
      </>
    );
  }
  if (!settings.data || !campaigns.data || (id !== null && !event.data)) {
    return <p role="status">Loading the event…</p>;
  }
  return (
    <EventForm
      key={generation}
      event={event.data ?? null}
      campaigns={campaigns.data.map((c) => [c.id, c.titles.en ?? c.titles.es ?? c.id] as const)}
      orgTimeZone={settings.data.timeZone}
      siteUrl={settings.data.siteUrl}
      defaultLanguage={settings.data.defaultLanguage}
      canEdit={canEdit}
      onReload={async () => {
        await event.refetch();
        setGeneration((g) => g + 1);
      }}
    />
  );
}

type Values = Record<string, string>;
const textKeys = ['title', 'slug', 'summary', 'body'] as const;

const local = (at: Date | null | undefined, zone: string) => (at ? utcToZonedDateTime(at, zone) : '');

function valuesFrom(e: EventDetail | null, defaultLanguage: Language, orgTimeZone: string): Values {
  const zone = e?.timeZone ?? orgTimeZone;
  const values: Values = {
    timeZone: zone,
    startsAt: local(e?.startsAt, zone),
    endsAt: local(e?.endsAt, zone),
    'venue.name': e?.venue?.name ?? '',
    'venue.address': e?.venue?.address ?? '',
    onlineUrl: e?.onlineUrl ?? '',
    accessibility: e?.accessibility ?? '',
    capacity: e?.capacity ? String(e.capacity) : '',
    registrationOpen: e ? (e.registrationOpen ? 'yes' : '') : 'yes',
    registrationMode: e?.registrationMode ?? 'here',
    registrationUrl: e?.registrationUrl ?? '',
    registrationOpensAt: local(e?.registrationOpensAt, zone),
    registrationClosesAt: local(e?.registrationClosesAt, zone),
    campaignId: e?.campaignId ?? '',
  };
  for (const fact of accessibilityFacts) {
    values[`facts.${fact}`] = e?.accessibilityFacts.includes(fact) ? 'yes' : '';
  }
  for (const l of languages) {
    const text = e?.translations[l];
    values[`languages.${l}`] = (e ? text : l === defaultLanguage) ? 'yes' : '';
    for (const key of textKeys) values[`translations.${l}.${key}`] = text?.[key] ?? '';
  }
  return values;
}

const chosenLanguages = (v: Values) => languages.filter((l) => v[`languages.${l}`] === 'yes');

/** A moment typed in the event's zone, as the API takes it (left as typed when it is no date, to be refused). */
const instant = (text: string | undefined, zone: string) =>
  text?.trim() ? (localToIso(text.trim(), zone) ?? text) : '';

function toInput(v: Values): EventEditInput {
  const zone = v.timeZone!;
  const capacity = v.capacity!.trim();
  return {
    translations: Object.fromEntries(
      chosenLanguages(v).map((l) => {
        const at = (key: (typeof textKeys)[number]) => v[`translations.${l}.${key}`] ?? '';
        return [l, { slug: at('slug').trim(), title: at('title'), summary: at('summary'), body: at('body') }];
      }),
    ),
    startsAt: instant(v.startsAt, zone),
    endsAt: instant(v.endsAt, zone),
    timeZone: zone,
    venue: { name: v['venue.name']!, address: v['venue.address']! },
    onlineUrl: v.onlineUrl!,
    accessibility: v.accessibility!,
    accessibilityFacts: accessibilityFacts.filter((f) => v[`facts.${f}`] === 'yes'),
    capacity: capacity === '' ? null : Number(capacity),
    registrationOpen: v.registrationOpen === 'yes',
    registrationMode: v.registrationMode as EventEditInput['registrationMode'],
    registrationUrl: v.registrationUrl!,
    registrationOpensAt: instant(v.registrationOpensAt, zone),
    registrationClosesAt: instant(v.registrationClosesAt, zone),
    campaignId: v.campaignId!,
  };
}

function labelsFor(langs: readonly Language[]): Record<string, string> {
  const labels: Record<string, string> = {
    translations: 'Languages',
    startsAt: 'Starts',
    endsAt: 'Ends',
    timeZone: 'Time zone',
    venue: 'Venue name',
    'venue.name': 'Venue name',
    'venue.address': 'Venue address',
    onlineUrl: 'Online link',
    accessibility: 'Accessibility details',
    accessibilityFacts: 'Accessibility',
    capacity: 'Capacity',
    registrationMode: 'How people register',
    registrationUrl: 'Registration link',
    registrationOpensAt: 'Registration opens',
    registrationClosesAt: 'Registration closes',
    campaignId: 'Related campaign',
  };
  for (const l of langs) {
    const name = languageLabels[l];
    labels[`translations.${l}.title`] = `Title (${name})`;
    labels[`translations.${l}.slug`] = `Slug (${name})`;
    labels[`translations.${l}.summary`] = `Summary (${name})`;
    labels[`translations.${l}.body`] = `Description (${name})`;
  }
  return labels;
}

function EventForm({
  event,
  campaigns,
  orgTimeZone,
  siteUrl,
  defaultLanguage,
  canEdit,
  onReload,
}: {
  event: EventDetail | null;
  campaigns: readonly (readonly [string, string])[];
  orgTimeZone: string;
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
    () => valuesFrom(event, defaultLanguage, orgTimeZone),
    conflict ? null : error,
  );
  const { values, set } = form;
  const [baseline, setBaseline] = useState(() => JSON.stringify(values));
  const [change, setChange] = useState<EventStatusChange | null>(() =>
    event
      ? {
          updatedAt: event.updatedAt,
          status: event.status,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          previousStartsAt: event.previousStartsAt,
        }
      : null,
  );
  const [savedAt, setSavedAt] = useState<Date | null>(() => {
    const note = readNavigationNote()?.savedAt;
    return note && event ? new Date(note) : null;
  });
  const [reloading, setReloading] = useState(false);
  const create = useMutation(trpc.events.create.mutationOptions());
  const update = useMutation(trpc.events.update.mutationOptions());
  const saving = create.isPending || update.isPending;
  const dirty = JSON.stringify(values) !== baseline;
  useUnsavedChangesWarning(canEdit && dirty, LEAVE_MESSAGE);
  useEffect(() => clearNavigationNote('savedAt'), []);

  const langs = chosenLanguages(values);
  const labels = labelsFor(langs);
  const zone = values.timeZone!;
  // A public event moves only by rescheduling it (everyone registered is emailed).
  const timesLocked = change !== null && change.status !== 'draft';
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.events.pathKey() });

  function onConflict(e: unknown): boolean {
    if (!isConflict(e)) return false;
    setConflict(errorMessage(e));
    requestAnimationFrame(() => conflictRef.current?.focus());
    return true;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const sent = JSON.stringify(values);
    try {
      if (!event || !change) {
        const created = await create.mutateAsync(toInput(values));
        setBaseline(sent);
        await refresh();
        navigate(`/events/${created.id}`, {
          replace: true,
          force: true,
          note: { savedAt: new Date().toISOString() },
        });
        return;
      }
      const saved = await update.mutateAsync({
        ...toInput(values),
        id: event.id,
        updatedAt: change.updatedAt,
      });
      setChange(saved);
      setBaseline(sent);
      setSavedAt(new Date());
      setError(null);
      void refresh();
    } catch (err) {
      if (!onConflict(err)) setError(err);
    }
  }

  function onStatusChanged(next: EventStatusChange) {
    setChange(next);
    // A new date is the saved one now: not an unsaved change.
    const moved = { ...values, startsAt: local(next.startsAt, zone), endsAt: local(next.endsAt, zone) };
    form.setValues(moved);
    setBaseline(JSON.stringify(moved));
    void refresh();
  }

  const text = (l: Language, key: (typeof textKeys)[number]) => form.field(`translations.${l}.${key}`);
  const check = (key: string, label: string) => (
    <label key={key} className="check">
      <input
        type="checkbox"
        checked={values[key] === 'yes'}
        onChange={(e) => set(key, e.target.checked ? 'yes' : '')}
      />{' '}
      {label}
    </label>
  );

  return (
    <>
      <p className="back">
        <Link to="/events">← All events</Link>
      </p>
      <h1>{event ? 'Edit event' : 'New event'}</h1>
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
      <ErrorSummary form={form} title="The event was not saved" labels={labels} />

      {event && change ? (
        <EventStatusPanel
          event={event}
          change={change}
          siteUrl={siteUrl}
          canEdit={canEdit}
          dirty={dirty}
          onChanged={onStatusChanged}
          onConflict={onConflict}
        />
      ) : null}
      {canEdit ? null : <p className="warn">You can read this event but not change it.</p>}

      <form className="panel editor" onSubmit={(e) => void submit(e)} noValidate aria-label="Event">
        <fieldset disabled={!canEdit} className="plain">
          <legend className="sr-only">Event</legend>
          <fieldset className="group" id={form.idOf('translations')} tabIndex={-1}>
            <legend>Languages</legend>
            <p className="hint">The event has a page in each language it is written in.</p>
            {languages.map((l) => check(`languages.${l}`, `Written in ${languageLabels[l]}`))}
          </fieldset>

          {langs.map((l) => {
            const name = languageLabels[l];
            return (
              <fieldset key={l} className="group" lang={l}>
                <legend>Texts in {name}</legend>
                <Field label={`Title (${name})`} required maxLength={200} {...text(l, 'title')} />
                <Field
                  label={`Slug (${name})`}
                  autoComplete="off"
                  spellCheck={false}
                  placeholder={slugify(values[`translations.${l}.title`] ?? '') || 'made-from-the-title'}
                  hint="The last part of the page’s address. Leave empty to make one from the title."
                  {...text(l, 'slug')}
                />
                <TextAreaField label={`Summary (${name})`} rows={2} maxLength={500} {...text(l, 'summary')} />
                <TextAreaField
                  label={`Description (${name})`}
                  rows={6}
                  hint="Markdown: **bold**, [a link](https://…), a blank line between paragraphs."
                  {...text(l, 'body')}
                />
              </fieldset>
            );
          })}

          <fieldset className="group">
            <legend>When</legend>
            <SelectField
              label="Time zone"
              hint="The start and end are in this zone, and the site shows them in it."
              options={timeZones.map((z) => [z, z] as const)}
              {...form.field('timeZone')}
            />
            {timesLocked ? (
              <p className="hint">
                The event is on the site: to change its date, reschedule it above (everyone registered is
                emailed).
              </p>
            ) : null}
            <div className="field-row">
              <Field
                label="Starts"
                type="datetime-local"
                required
                disabled={timesLocked}
                {...form.field('startsAt')}
              />
              <Field
                label="Ends"
                type="datetime-local"
                required
                disabled={timesLocked}
                {...form.field('endsAt')}
              />
            </div>
          </fieldset>

          <fieldset className="group" id={form.idOf('venue')} tabIndex={-1}>
            <legend>Where</legend>
            <p className="hint">A venue, an online link, or both.</p>
            <Field label="Venue name" {...form.field('venue.name')} />
            <TextAreaField label="Venue address" rows={2} {...form.field('venue.address')} />
            <Field
              label="Online link"
              type="url"
              hint="Sent only to people registered (in their confirmation and reminder), never shown on the site."
              {...form.field('onlineUrl')}
            />
          </fieldset>

          <fieldset className="group" id={form.idOf('accessibilityFacts')} tabIndex={-1}>
            <legend>Accessibility</legend>
            <p className="hint">Tick what is true; the page states it before the form.</p>
            {accessibilityFacts.map((f) => check(`facts.${f}`, accessibilityFactLabels[f]))}
            <TextAreaField
              label="Accessibility details"
              rows={2}
              maxLength={2000}
              {...form.field('accessibility')}
            />
          </fieldset>

          <fieldset className="group">
            <legend>Registration</legend>
            <SelectField
              label="How people register"
              options={registrationModes.map((m) => [m, registrationModeLabels[m]] as const)}
              {...form.field('registrationMode')}
            />
            {values.registrationMode === 'elsewhere' ? (
              <Field label="Registration link" type="url" {...form.field('registrationUrl')} />
            ) : null}
            {values.registrationMode === 'here' ? (
              <>
                <Field
                  label="Capacity"
                  type="number"
                  min={1}
                  inputMode="numeric"
                  hint="Places; leave empty for no limit. Raising it gives the new places to the waitlist, in order."
                  {...form.field('capacity')}
                />
                {check('registrationOpen', 'Taking registrations')}
                <div className="field-row">
                  <Field
                    label="Registration opens"
                    type="datetime-local"
                    hint={`Optional, in ${zone} time; empty: from publication.`}
                    {...form.field('registrationOpensAt')}
                  />
                  <Field
                    label="Registration closes"
                    type="datetime-local"
                    hint={`Optional, in ${zone} time; empty: until it starts.`}
                    {...form.field('registrationClosesAt')}
                  />
                </div>
              </>
            ) : null}
          </fieldset>

          <SelectField
            label="Related campaign"
            hint="The campaign’s page lists the event."
            options={[['', 'None'], ...campaigns]}
            {...form.field('campaignId')}
          />
        </fieldset>
        {canEdit ? (
          <div className="save-bar">
            <button type="submit" disabled={saving}>
              {saving ? 'Saving…' : event ? 'Save' : 'Save draft'}
            </button>
            <p role="status" aria-live="polite" className="save-status">
              {saving ? 'Saving…' : savedAt ? `Saved at ${at.time(savedAt)}` : ''}
            </p>
            {dirty && !saving ? <p className="unsaved">Unsaved changes</p> : null}
          </div>
        ) : null}
      </form>
    </>
  );
}
