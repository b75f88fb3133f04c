// The organisation's settings, used by the public site and in emails. Read-only without settings:edit.
import type { Settings as Values } from '@ayni/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Field, SelectField, TextAreaField } from '../Field.js';
import { timeZones } from '../time-zones.js';
import { useTRPC } from '../trpc.js';
import { ErrorSummary, useFormState } from '../ui/form.js';

const fieldLabels: Record<keyof Values, string> = {
  organisationName: 'Organisation name',
  postalAddress: 'Postal address',
  siteUrl: 'Site address',
  defaultLanguage: 'Default language',
  timeZone: 'Time zone',
  contactEmail: 'Contact email',
  defaultCountry: 'Default country',
  signingLimits: 'Signing limits',
};

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
  const [saved, setSaved] = useState(false);
  const zonesId = useId();
  const save = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.settings.get.queryKey(), data);
        form.setValues(data);
        setSaved(true);
      },
    }),
  );
  const form = useFormState<Values>(initial, save.error, () => setSaved(false));

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate(form.values);
  }

  return (
    <form className="panel" onSubmit={submit} noValidate>
      <ErrorSummary form={form} title="The settings were not saved" labels={fieldLabels} />
      <fieldset disabled={!canEdit} className="plain">
        <legend className="sr-only">Organisation settings</legend>
        <Field
          label="Organisation name"
          autoComplete="organization"
          required
          {...form.field('organisationName')}
        />
        <TextAreaField
          label="Postal address"
          autoComplete="street-address"
          rows={4}
          hint="Optional. Shown in the footer of emails."
          {...form.field('postalAddress')}
        />
        <Field
          label="Site address"
          type="url"
          inputMode="url"
          required
          hint="The public site's web address, starting with https://"
          {...form.field('siteUrl')}
        />
        <SelectField label="Default language" options={languages} {...form.field('defaultLanguage')} />
        <Field
          label="Time zone"
          required
          autoComplete="off"
          spellCheck={false}
          hint="Start typing a city or region (Lima, London, Madrid) and choose the zone from the list."
          list={zonesId}
          {...form.field('timeZone')}
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
          type="email"
          autoComplete="email"
          hint="Optional. Shown in emails as the address to write to."
          {...form.field('contactEmail')}
        />
      </fieldset>
      <fieldset disabled={!canEdit}>
        <legend>Petitions</legend>
        <Field
          label="Default country"
          required
          autoComplete="off"
          maxLength={2}
          hint="The country a petition's sign form starts with, as a two-letter code: GB, PE, ES."
          {...form.field('defaultCountry')}
        />
        <Field
          label="Signing limits"
          required
          autoComplete="off"
          spellCheck={false}
          hint="How many signatures one address may make on one campaign, as signatures/seconds: 1/60, 5/300 means 1 per minute and 5 per five minutes. Signatures over a limit are held for you to release or reject; nobody is told."
          {...form.field('signingLimits')}
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
