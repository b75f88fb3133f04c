// Zod builders for template data, so a bad job payload fails with a plain sentence naming the field.
import { z } from 'zod';

/** A trimmed, non-empty line of text ("Name is required"). */
export function textField(label: string, max: number) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`),
    })
    .trim()
    .min(1, { error: `${label} is required` })
    .max(max, { error: `${label} must be ${max} characters or fewer` });
}

/**
 * An absolute http:// or https:// address. Anything else (javascript:, data:, mailto:, relative paths) is refused,
 * so every link in an email goes to a web page.
 */
export function httpUrlField(label: string) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`),
    })
    .trim()
    .max(2048, { error: `${label} must be 2048 characters or fewer` })
    .pipe(
      z.url({
        protocol: /^https?$/i,
        error: `${label} must be a web address starting with http:// or https://`,
      }),
    );
}

/** An ISO 8601 date-time with a zone offset or Z ("2026-06-21T17:00:00Z"); kept as the string. */
export function isoDateTimeField(label: string) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`),
    })
    .trim()
    .pipe(
      z.iso.datetime({
        offset: true,
        error: `${label} must be a date and time such as 2026-06-21T17:00:00Z`,
      }),
    );
}
