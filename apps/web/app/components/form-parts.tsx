// What the site's forms (sign a petition, register for an event) share: the error summary listing each error as a
// link to its field, an error shown at its field, the aria-describedby that ties hint and error to the field, and
// the honeypot. Ids are `${prefix}-${field}`.
type Errors = Partial<Record<string, string>>;

export const fieldIdFor = (prefix: string) => (name: string) => `${prefix}-${name}`;

export function describedBy(
  prefix: string,
  name: string,
  errors: Errors,
  hint?: boolean,
): string | undefined {
  const id = `${prefix}-${name}`;
  const ids = [hint ? `${id}-hint` : null, errors[name] ? `${id}-error` : null];
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

export function FieldError({ prefix, name, errors }: { prefix: string; name: string; errors: Errors }) {
  const message = errors[name];
  return message ? (
    <p className="field-error" id={`${prefix}-${name}-error`}>
      {message}
    </p>
  ) : null;
}

/** The errors first, each a link to its field (`fields` in the form's order), and a form-wide one above them. */
export function ErrorSummary({
  prefix,
  heading,
  fields,
  errors,
}: {
  prefix: string;
  heading: string;
  fields: readonly string[];
  errors: Errors;
}) {
  const listed = fields.filter((name) => errors[name]);
  if (listed.length === 0 && !errors.form) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby={`${prefix}-errors`} tabIndex={-1}>
      <h3 id={`${prefix}-errors`}>{heading}</h3>
      {errors.form ? <p>{errors.form}</p> : null}
      <ul>
        {listed.map((name) => (
          <li key={name}>
            <a href={`#${prefix}-${name}`}>{errors[name]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Left empty by people (it is not shown); a bot that fills every field gets the usual answer and nothing happens. */
export function Honeypot({ prefix }: { prefix: string }) {
  return (
    <div className="hp">
      <label htmlFor={`${prefix}-website`}>Website</label>
      <input id={`${prefix}-website`} name="website" tabIndex={-1} autoComplete="off" />
    </div>
  );
}

/** A labelled text field (input, or textarea with `rows`) with its optional hint and its error. */
export function TextField({
  prefix,
  name,
  label,
  hint,
  value,
  errors,
  rows,
  ...input
}: {
  prefix: string;
  name: string;
  label: string;
  hint?: string;
  value: string;
  errors: Errors;
  rows?: number;
  type?: string;
  autoComplete?: string;
  spellCheck?: boolean;
  required?: boolean;
  maxLength?: number;
}) {
  const id = `${prefix}-${name}`;
  const common = {
    id,
    name,
    defaultValue: value,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': describedBy(prefix, name, errors, hint !== undefined),
    ...input,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint !== undefined ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError prefix={prefix} name={name} errors={errors} />
      {rows !== undefined ? <textarea rows={rows} {...common} /> : <input {...common} />}
    </div>
  );
}

/** A checkbox (value "yes") with its label after it and its error above. */
export function CheckField({
  prefix,
  name,
  label,
  checked,
  errors,
  required,
}: {
  prefix: string;
  name: string;
  label: string;
  checked: boolean;
  errors: Errors;
  required?: boolean;
}) {
  const id = `${prefix}-${name}`;
  return (
    <div className="field check">
      <FieldError prefix={prefix} name={name} errors={errors} />
      <input
        id={id}
        name={name}
        type="checkbox"
        value="yes"
        required={required}
        defaultChecked={checked}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(prefix, name, errors)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
