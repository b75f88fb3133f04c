import { MIN_PASSWORD_LENGTH } from '@ayni/domain';
import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

type Labelled = {
  label: string;
  errors?: string[] | undefined;
  hint?: string | undefined;
  /** The control's id (an error summary links to it); one is made up when not given. */
  id?: string | undefined;
  /** Said under the control and read with it: what the value means (a date read back in words, say). */
  description?: ReactNode;
};

/** The label, hint and error around a control, tied together for screen readers. */
function FieldShell({
  label,
  errors,
  hint,
  id: givenId,
  description,
  control,
}: Labelled & {
  control: (aria: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const madeId = useId();
  const id = givenId ?? madeId;
  const described = [
    hint ? `${id}-hint` : null,
    description ? `${id}-description` : null,
    errors?.length ? `${id}-error` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {control({
        id,
        ...(errors?.length ? { 'aria-invalid': true as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {description ? (
        <p id={`${id}-description`} className="description">
          {description}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="error">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its error message tied to it for screen readers. */
export function Field(props: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  const { label, errors, hint, id, description, ...input } = props;
  return (
    <FieldShell
      label={label}
      errors={errors}
      hint={hint}
      id={id}
      description={description}
      control={(aria) => <input {...aria} {...input} />}
    />
  );
}

/** A labelled select; `options` are [value, text] pairs. */
export function SelectField(
  props: SelectHTMLAttributes<HTMLSelectElement> &
    Labelled & { options: readonly (readonly [string, string])[] },
) {
  const { label, errors, hint, id, description, options, ...select } = props;
  return (
    <FieldShell
      label={label}
      errors={errors}
      hint={hint}
      id={id}
      description={description}
      control={(aria) => (
        <select {...aria} {...select}>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A labelled multi-line text box. */
export function TextAreaField(props: TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled) {
  const { label, errors, hint, id, description, ...textarea } = props;
  return (
    <FieldShell
      label={label}
      errors={errors}
      hint={hint}
      id={id}
      description={description}
      control={(aria) => <textarea {...aria} {...textarea} />}
    />
  );
}

/**
 * A field for choosing a password: the length rule comes from the domain (the server checks it too), and the hint
 * says it, with `note` after it.
 */
export function NewPasswordField(
  props: Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'minLength' | 'autoComplete'> &
    Omit<Labelled, 'hint'> & { note?: string },
) {
  const { note, ...rest } = props;
  return (
    <Field
      type="password"
      autoComplete="new-password"
      required
      minLength={MIN_PASSWORD_LENGTH}
      hint={`At least ${MIN_PASSWORD_LENGTH} characters.${note ? ` ${note}` : ''}`}
      {...rest}
    />
  );
}
