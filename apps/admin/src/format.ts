// The admin's one date format, "21 Jun 2025, 18:00": the domain's `formatDateTimeIn`, which the audit log's
// sentences use too, so a moment reads the same on every page and in every entry.
import { formatDateTimeIn as formatInZone } from '@ayni/domain';

/** An instant as the API sends it (a Date; ISO text is read too). */
export type Instant = Date | string;

/** The browser's own zone, for the moment before the organisation's settings have loaded. */
function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function formatDateTime(iso: Instant | null | undefined): string {
  return iso ? formatInZone(new Date(iso), browserTimeZone()) : '—';
}

/** An instant as the wall clock in the organisation's time zone, e.g. "21 Jun 2025, 18:00". */
export function formatDateTimeIn(iso: Instant | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  try {
    return formatInZone(new Date(iso), timeZone);
  } catch {
    return formatDateTime(iso);
  }
}

const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

export function formatDate(iso: Instant | null | undefined): string {
  return iso ? dateOnly.format(new Date(iso)) : '—';
}
