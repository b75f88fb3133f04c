// The petition's sign form, for the hub (and the embed): name, email, country, optional postcode, the consent to
// keep the signature shown in full with its required box, and the optional "keep me updated" with its own
// statement. Works without JavaScript (a plain POST); errors are listed first as links to their fields and shown
// at each field, in the page's language, with what was typed kept.
import { Form } from '@remix-run/react';
import type { CampaignText } from '../campaign-text.js';

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
const fieldId = (name: string) => `sign-${name}`;

function describedBy(name: string, errors: SignFormErrors, hint?: boolean): string | undefined {
  const ids = [
    hint ? `${fieldId(name)}-hint` : null,
    errors[name as keyof SignFormErrors] ? `${fieldId(name)}-error` : null,
  ];
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

function FieldError({ name, errors }: { name: keyof SignFormValues; errors: SignFormErrors }) {
  const message = errors[name];
  return message ? (
    <p className="field-error" id={`${fieldId(name)}-error`}>
      {message}
    </p>
  ) : null;
}

export function SignForm({ text, action, values, errors, countries, consents, source }: SignFormProps) {
  const listed = FIELDS.filter((name) => errors[name]);
  const invalid = (name: keyof SignFormValues) => (errors[name] ? true : undefined);
  return (
    <Form method="post" className="sign-form" noValidate {...(action ? { action } : {})}>
      {listed.length > 0 || errors.form ? (
        <div className="error-summary" role="alert" aria-labelledby="sign-errors" tabIndex={-1}>
          <h3 id="sign-errors">{text.errorSummary}</h3>
          {errors.form ? <p>{errors.form}</p> : null}
          <ul>
            {listed.map((name) => (
              <li key={name}>
                <a href={`#${fieldId(name)}`}>{errors[name]}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={fieldId('name')}>{text.name}</label>
        <FieldError name="name" errors={errors} />
        <input
          id={fieldId('name')}
          name="name"
          autoComplete="name"
          required
          maxLength={120}
          defaultValue={values.name}
          aria-invalid={invalid('name')}
          aria-describedby={describedBy('name', errors)}
        />
      </div>
      <div className="field">
        <label htmlFor={fieldId('email')}>{text.email}</label>
        <p className="hint" id={`${fieldId('email')}-hint`}>
          {text.emailHint}
        </p>
        <FieldError name="email" errors={errors} />
        <input
          id={fieldId('email')}
          name="email"
          type="email"
          autoComplete="email"
          spellCheck={false}
          required
          defaultValue={values.email}
          aria-invalid={invalid('email')}
          aria-describedby={describedBy('email', errors, true)}
        />
      </div>
      <div className="field">
        <label htmlFor={fieldId('country')}>{text.country}</label>
        <FieldError name="country" errors={errors} />
        <select
          id={fieldId('country')}
          name="country"
          autoComplete="country"
          defaultValue={values.country}
          aria-invalid={invalid('country')}
          aria-describedby={describedBy('country', errors)}
        >
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fieldId('postcode')}>{text.postcode}</label>
        <p className="hint" id={`${fieldId('postcode')}-hint`}>
          {text.postcodeHint}
        </p>
        <FieldError name="postcode" errors={errors} />
        <input
          id={fieldId('postcode')}
          name="postcode"
          autoComplete="postal-code"
          maxLength={16}
          defaultValue={values.postcode}
          aria-invalid={invalid('postcode')}
          aria-describedby={describedBy('postcode', errors, true)}
        />
      </div>
      <div className="field check">
        <FieldError name="consent" errors={errors} />
        <input
          id={fieldId('consent')}
          name="consent"
          type="checkbox"
          value="yes"
          required
          defaultChecked={values.consent}
          aria-invalid={invalid('consent')}
          aria-describedby={describedBy('consent', errors)}
        />
        <label htmlFor={fieldId('consent')}>{consents.signature}</label>
      </div>
      <div className="field check">
        <input
          id={fieldId('updates')}
          name="updates"
          type="checkbox"
          value="yes"
          defaultChecked={values.updates}
        />
        <label htmlFor={fieldId('updates')}>{consents.updates}</label>
      </div>
      {source ? <input type="hidden" name="source" value={source} /> : null}
      {/* Left empty by people (it is not shown); a bot that fills every field gets the usual answer and signs nothing. */}
      <div className="hp">
        <label htmlFor={fieldId('website')}>Website</label>
        <input id={fieldId('website')} name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit">{text.signButton}</button>
    </Form>
  );
}
