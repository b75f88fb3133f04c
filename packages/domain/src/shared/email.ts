// Email addresses are kept as typed (for sending) plus a canonical form used to spot the same person signing twice.
import { z } from 'zod';

export const EMAIL_MAX_LENGTH = 254;

export const emailSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined ? 'Email address is required' : 'Email address must be text',
  })
  .trim()
  .min(1, { error: 'Email address is required' })
  .max(EMAIL_MAX_LENGTH, { error: `Email address must be ${EMAIL_MAX_LENGTH} characters or fewer` })
  .pipe(z.email({ error: 'Enter an email address in the format name@example.com' }));

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * The form used to detect duplicates, as the UK Parliament petitions site does it: trim and lower-case,
 * drop a "+tag" from the local part, and for Gmail drop dots and treat googlemail.com as gmail.com.
 */
export function canonicalEmail(email: string): string {
  const normalised = email.trim().toLowerCase();
  const at = normalised.lastIndexOf('@');
  if (at < 0) return normalised;
  let local = normalised.slice(0, at);
  let domain = normalised.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus >= 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replace(/\./g, '');
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
}
