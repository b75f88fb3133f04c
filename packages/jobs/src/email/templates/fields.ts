// Zod builders for template data, so a bad job payload fails with a plain sentence naming the field. Plain text
// fields use the domain's requiredText.
import { z } from 'zod';

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
