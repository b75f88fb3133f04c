// The event's register form: name, email, optional access needs, the registration's consent shown in full with
// its required box, and the access needs' own consent (required only when access needs are written). Works
// without JavaScript (a plain POST); errors are listed first as links to their fields and shown at each field, in
// the page's language, with what was typed kept.
import { Form } from '@remix-run/react';
import type { EventText } from '../event-text.js';
import { CheckField, ErrorSummary, Honeypot, TextField } from './form-parts.js';

export interface RegisterFormValues {
  name: string;
  email: string;
  accessNeeds: string;
  consent: boolean;
  accessNeedsConsent: boolean;
}

export type RegisterFormErrors = Partial<Record<keyof RegisterFormValues | 'form', string>>;

const FIELDS = ['name', 'email', 'consent', 'accessNeeds', 'accessNeedsConsent'] as const;
const PREFIX = 'register';

export function RegisterForm({
  text,
  values,
  errors,
  consents,
}: {
  text: EventText['register'];
  values: RegisterFormValues;
  errors: RegisterFormErrors;
  consents: { registration: string; accessNeeds: string };
}) {
  const field = { prefix: PREFIX, errors };
  return (
    <Form method="post" className="site-form register-form" noValidate reloadDocument>
      <ErrorSummary prefix={PREFIX} heading={text.errorSummary} fields={FIELDS} errors={errors} />
      <TextField
        {...field}
        name="name"
        label={text.name}
        value={values.name}
        autoComplete="name"
        required
        maxLength={120}
      />
      <TextField
        {...field}
        name="email"
        label={text.email}
        hint={text.emailHint}
        value={values.email}
        type="email"
        autoComplete="email"
        spellCheck={false}
        required
      />
      <CheckField {...field} name="consent" label={consents.registration} checked={values.consent} required />
      <TextField
        {...field}
        name="accessNeeds"
        label={text.accessNeeds}
        hint={text.accessNeedsHint}
        value={values.accessNeeds}
        rows={3}
        maxLength={1000}
      />
      <CheckField
        {...field}
        name="accessNeedsConsent"
        label={consents.accessNeeds}
        checked={values.accessNeedsConsent}
      />
      <Honeypot prefix={PREFIX} />
      <button type="submit">{text.button}</button>
    </Form>
  );
}
