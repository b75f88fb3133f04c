// Small schema builders so every text field reports missing or over-long input as a plain English sentence.
import { z } from 'zod';

/** A trimmed string that must not be empty: "Title is required", "Title must be 200 characters or fewer". */
export function requiredText(label: string, max: number) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`),
    })
    .trim()
    .min(1, { error: `${label} is required` })
    .max(max, { error: `${label} must be ${max} characters or fewer` });
}

/** A trimmed string that may be empty and defaults to ''. */
export function optionalText(label: string, max: number, options: { trim?: boolean } = {}) {
  const base = z.string({ error: `${label} must be text` });
  return (options.trim === false ? base : base.trim())
    .max(max, { error: `${label} must be ${max} characters or fewer` })
    .default('');
}

/** A required reference to another record by id. */
export function idSchema(label: string) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`),
    })
    .trim()
    .min(1, { error: `${label} is required` });
}

/**
 * Characters no page or feed should carry, all forbidden in XML 1.0: control characters other than tab, line feed
 * and carriage return; the non-characters U+FFFE and U+FFFF; and halves of surrogate pairs standing alone.
 */
const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function withoutUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, '');
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Plain text for an HTML context: escapes & < > " ' so the result is safe both as element text and inside a
 * quoted attribute, and a reader that parses it as HTML gets the text back with no markup. Used by the emails,
 * the search snippets and the site's feeds alike.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** "a", "a and b", "a, b and c": a list inside a sentence. */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
