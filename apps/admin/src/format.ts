const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** An instant as the API sends it (a Date; ISO text is read too). */
export type Instant = Date | string;

export function formatDateTime(iso: Instant | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

/** An instant as the wall clock in the organisation's time zone, e.g. "21 Jun 2025, 18:00". */
export function formatDateTimeIn(iso: Instant | null | undefined, timeZone: string): string {
  if (!iso) return '—';
  try {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
      new Date(iso),
    );
  } catch {
    return formatDateTime(iso);
  }
}

const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

export function formatDate(iso: Instant | null | undefined): string {
  return iso ? dateOnly.format(new Date(iso)) : '—';
}
