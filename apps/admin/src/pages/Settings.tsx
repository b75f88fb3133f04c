// The organisation's settings, used by the public site and in emails. Read-only without settings:edit.
import type { Settings as Values } from '@ayni/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Field, SelectField, TextAreaField } from '../Field.js';
import { errorMessage, fieldErrors, useTRPC } from '../trpc.js';

/** Every IANA time zone the browser knows (the server checks the choice again), for the time zone's list. */
const timeZones: readonly string[] = (() => {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
})();

const languages = [
  ['en', 'English'],
  ['es', 'Español (Spanish)'],
] as const;

export function Settings({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const settings = useQuery({ ...trpc.settings.get.queryOptions(), refetchOnWindowFocus: false });

  return (
    <>
      <h1>Settings</h1>
      <p>How your organisation appears on the public site and in the emails Ayni sends.</p>
      {canEdit ? null : (
        <p className="warn">
          You can see the settings but not change them. Ask an owner or admin to change them.
        </p>
      )}
      {settings.isPending ? <p role="status">Loading settings…</p> : null}
      {settings.isError ? <p role="alert">Could not load the settings: {settings.error.message}</p> : null}
      {settings.data ? <SettingsForm initial={settings.data} canEdit={canEdit} /> : null}
    </>
  );
}

function SettingsForm({ initial, canEdit }: { initial: Values; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Values>(initial);
  const [saved, setSaved] = useState(false);
  const zonesId = useId();
  const save = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.settings.get.queryKey(), data);
        setForm(data);
        setSaved(true);
      },
    }),
  );
  const errors = fieldErrors(save.error);
  const general = save.error && Object.keys(errors).length === 0 ? errorMessage(save.error) : null;
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setSaved(false);
    setForm({ ...form, [key]: value });
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate(form);
  }

  return (
    <form className="panel" onSubmit={submit} noValidate>
      {general ? (
        <p role="alert" className="error">
          {general}
        </p>
      ) : null}
      {Object.keys(errors).length ? (
        <p role="alert" className="error">
          The settings were not saved: correct the fields marked below.
        </p>
      ) : null}
      <fieldset disabled={!canEdit} className="plain">
        <legend className="sr-only">Organisation settings</legend>
        <Field
          label="Organisation name"
          name="organisationName"
          autoComplete="organization"
          required
          value={form.organisationName}
          onChange={(e) => set('organisationName', e.target.value)}
          errors={errors.organisationName}
        />
        <TextAreaField
          label="Postal address"
          name="postalAddress"
          autoComplete="street-address"
          rows={4}
          hint="Optional. Shown in the footer of emails."
          value={form.postalAddress}
          onChange={(e) => set('postalAddress', e.target.value)}
          errors={errors.postalAddress}
        />
        <Field
          label="Site address"
          name="siteUrl"
          type="url"
          inputMode="url"
          required
          hint="The public site's web address, starting with https://"
          value={form.siteUrl}
          onChange={(e) => set('siteUrl', e.target.value)}
          errors={errors.siteUrl}
        />
        <SelectField
          label="Default language"
          name="defaultLanguage"
          options={languages}
          value={form.defaultLanguage}
          onChange={(e) => set('defaultLanguage', e.target.value as Values['defaultLanguage'])}
          errors={errors.defaultLanguage}
        />
        <Field
          label="Time zone"
          name="timeZone"
          required
          autoComplete="off"
          spellCheck={false}
          hint="Start typing a city or region (Lima, London, Madrid) and choose the zone from the list."
          list={zonesId}
          value={form.timeZone}
          onChange={(e) => set('timeZone', e.target.value)}
          errors={errors.timeZone}
        />
        <datalist id={zonesId}>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </datalist>
        <Field
          label="Contact email"
          name="contactEmail"
          type="email"
          autoComplete="email"
          hint="Optional. Shown in emails as the address to write to."
          value={form.contactEmail}
          onChange={(e) => set('contactEmail', e.target.value)}
          errors={errors.contactEmail}
        />
      </fieldset>
      {canEdit ? (
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </button>
      ) : null}
      <p role="status" aria-live="polite" className="notice ok">
        {saved ? 'Settings saved' : null}
      </p>
    </form>
  );
}
