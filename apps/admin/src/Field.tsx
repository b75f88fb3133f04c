import { useId, type InputHTMLAttributes } from 'react';

/** A labelled input with its error message tied to it for screen readers. */
export function Field(
  props: InputHTMLAttributes<HTMLInputElement> & {
    label: string;
    errors?: string[] | undefined;
    hint?: string;
  },
) {
  const { label, errors, hint, ...input } = props;
  const id = useId();
  const described = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null]
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
      <input
        id={id}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      {errors?.length ? (
        <p id={`${id}-error`} className="error">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
