// The state of a form and what the server said about it: the values as typed, each field's messages (the API's
// field errors, a nested key like `topics.0` counting for `topics`), and an error summary at the top that links to
// each field, so that a keyboard or screen-reader user hears every problem at once and can go straight to it.
import { useEffect, useId, useRef, useState, type ChangeEvent, type ReactNode, type RefObject } from 'react';
import { errorMessage, fieldErrors } from '../trpc.js';

/**
 * A refusal that did not come from the API: the sign-in pages talk to better-auth directly, and a form may check a
 * field itself before sending it. `fields` are its messages by field name, as the API's field errors are.
 */
export class FormError extends Error {
  constructor(
    message: string,
    readonly fields: Readonly<Record<string, string[]>> = {},
  ) {
    super(message);
    this.name = 'FormError';
  }
}

/** The field messages of a refusal, from the API or a FormError. */
function messagesByField(error: unknown): Readonly<Record<string, string[]>> {
  return error instanceof FormError ? error.fields : fieldErrors(error);
}

type Values = Record<string, string>;

export interface FormState<V extends Values> {
  values: V;
  set: <K extends keyof V>(key: K, value: V[K]) => void;
  setValues: (values: V) => void;
  /** The props a Field, SelectField or TextAreaField needs for `key`: id, name, value, change handler, errors. */
  field: (key: keyof V & string) => {
    id: string;
    name: string;
    value: string;
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
    errors: string[] | undefined;
  };
  /** The messages for `key` after a refused save. */
  errorsFor: (key: string) => string[] | undefined;
  /** The control's id for `key` (what the summary links to). */
  idOf: (key: string) => string;
  /** The summary's box (it takes the focus when a save is refused, so its problems are read out). */
  summaryRef: RefObject<HTMLDivElement>;
  error: unknown;
}

/** `error`: what the last save threw (a mutation's error), null when nothing was refused. */
export function useFormState<V extends Values>(
  initial: V | (() => V),
  error: unknown,
  onChange?: () => void,
): FormState<V> {
  const formId = useId();
  const [values, setValues] = useState<V>(initial);
  const summaryRef = useRef<HTMLDivElement>(null);
  const errors = messagesByField(error);
  const idOf = (key: string) => `${formId}-${key}`;
  const errorsFor = (key: string) => {
    const found = Object.entries(errors)
      .filter(([k]) => k === key || k.startsWith(`${key}.`))
      .flatMap(([, messages]) => messages);
    return found.length ? found : undefined;
  };
  const set = <K extends keyof V>(key: K, value: V[K]) => {
    onChange?.();
    setValues((current) => ({ ...current, [key]: value }));
  };
  return {
    values,
    set,
    setValues,
    field: (key) => ({
      id: idOf(key),
      name: key,
      value: values[key] ?? '',
      onChange: (e) => set(key, e.target.value as V[typeof key]),
      errors: errorsFor(key),
    }),
    errorsFor,
    idOf,
    summaryRef,
    error,
  };
}

/**
 * The field a message is about: its key's longest start that `labels` names (`translations.es.title` when the form
 * names each language's title, else `translations`), or its first part.
 */
function labelledField(key: string, labels: Readonly<Record<string, string>>): string {
  const parts = key.split('.');
  for (let n = parts.length; n > 1; n--) {
    const start = parts.slice(0, n).join('.');
    if (labels[start] !== undefined) return start;
  }
  return parts[0]!;
}

/**
 * What was wrong with the last save, at the top of the form: `title` ("The settings were not saved"), then each
 * field's message as a link to the field (`labels` names the fields; a message for a field not named here is
 * listed without a link), or the server's message when no field was at fault. `children`: what to do next (a
 * link), after the messages.
 */
export function ErrorSummary({
  form,
  title,
  labels,
  children,
}: {
  form: Pick<FormState<Values>, 'error' | 'idOf' | 'summaryRef'>;
  title: string;
  labels: Readonly<Record<string, string>>;
  children?: ReactNode;
}) {
  const { error, summaryRef } = form;
  // Each refused save moves the focus here, so the problems are read out and the links are next.
  useEffect(() => {
    if (error) summaryRef.current?.focus();
  }, [error, summaryRef]);
  if (!form.error) return null;
  const errors = Object.entries(messagesByField(form.error));
  if (errors.length === 0) {
    return (
      <div className="alert-box" role="alert" tabIndex={-1} ref={form.summaryRef}>
        <p>
          {errorMessage(form.error)}
          {children ? <> {children}</> : null}
        </p>
      </div>
    );
  }
  const items = errors.flatMap(([key, messages]) => {
    const field = labelledField(key, labels);
    const label = labels[field];
    // The domain's messages mostly name their field ("Site URL must be…"); the label goes first when one does not.
    return messages.map((message) => ({
      key: `${key}:${message}`,
      field,
      linked: label !== undefined,
      text: label && !message.toLowerCase().includes(label.toLowerCase()) ? `${label}: ${message}` : message,
    }));
  });
  return (
    <div className="alert-box" role="alert" tabIndex={-1} ref={form.summaryRef}>
      <p>
        <strong>{title}: correct the fields marked below.</strong>
      </p>
      <ul>
        {items.map((item) => (
          <li key={item.key}>
            {item.linked ? (
              <a
                href={`#${form.idOf(item.field)}`}
                onClick={(e) => {
                  const control = document.getElementById(form.idOf(item.field));
                  if (!control) return;
                  e.preventDefault();
                  control.focus();
                }}
              >
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ul>
      {children ? <p>{children}</p> : null}
    </div>
  );
}
