// The petition's sign form, for the hub (and the embed): name, email, country, optional postcode, the consent to
// keep the signature shown in full with its required box, and the optional "keep me updated" with its own
// statement. Works without JavaScript (a plain POST); errors are listed first as links to their fields and shown
// at each field, in the page's language, with what was typed kept.
import { Form } from '@remix-run/react';
import type { CampaignText } from '../campaign-text.js';
import {
  CheckField,
  describedBy,
  ErrorSummary,
  FieldError,
  fieldIdFor,
  Honeypot,
  TextField,
} from './form-parts.js';

export interface SignFormValues {
  name: string;
  email: string;
  country: string;
  postcode: string;
  consent: boolean;
  updates: boolean;
}

export type SignFormErrors = Partial<Record<keyof SignFormValues | 'form', string>>;

export interface SignFormProps {
  text: CampaignText;
  action?: string;
  values: SignFormValues;
  errors: SignFormErrors;
  countries: readonly { code: string; name: string }[];
  consents: { signature: string; updates: string };
  source: string | null;
}

const FIELDS = ['name', 'email', 'country', 'postcode', 'consent'] as const;
const PREFIX = 'sign';
const fieldId = fieldIdFor(PREFIX);

export function SignForm({ text, action, values, errors, countries, consents, source }: SignFormProps) {
  const invalid = (name: keyof SignFormValues) => (errors[name] ? true : undefined);
  const field = { prefix: PREFIX, errors };
  return (
    <Form method="post" className="site-form sign-form" noValidate {...(action ? { action } : {})}>
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
      <div className="field">
        <label htmlFor={fieldId('country')}>{text.country}</label>
        <FieldError prefix={PREFIX} name="country" errors={errors} />
        <select
          id={fieldId('country')}
          name="country"
          autoComplete="country"
          defaultValue={values.country}
          aria-invalid={invalid('country')}
          aria-describedby={describedBy(PREFIX, 'country', errors)}
        >
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <TextField
        {...field}
        name="postcode"
        label={text.postcode}
        hint={text.postcodeHint}
        value={values.postcode}
        autoComplete="postal-code"
        maxLength={16}
      />
      <CheckField {...field} name="consent" label={consents.signature} checked={values.consent} required />
      <CheckField {...field} name="updates" label={consents.updates} checked={values.updates} />
      {source ? <input type="hidden" name="source" value={source} /> : null}
      <Honeypot prefix={PREFIX} />
      <button type="submit">{text.signButton}</button>
    </Form>
  );
}
