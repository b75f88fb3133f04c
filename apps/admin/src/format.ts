// The admin's one date format, "21 Jun 2025, 18:00": the domain's `formatDateTimeIn`, which the audit log's
// sentences use too, so a moment reads the same on every page and in every entry.
import { formatDateTimeIn as formatInZone } from '@ayni/domain';

const timeOfDay = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

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

/** Only the time of day on that wall clock, e.g. "18:00" (for something that happened a moment ago). */
export function formatTimeIn(iso: Instant, timeZone: string | undefined): string {
  try {
    return timeZone
      ? new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(
          new Date(iso),
        )
      : timeOfDay.format(new Date(iso));
  } catch {
    return timeOfDay.format(new Date(iso));
  }
}
