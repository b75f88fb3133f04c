// Dates as the site shows them ("26 November 2026"), in the organisation's time zone.
export function formatNewsDate(date: Date | string, timeZone: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(
    new Date(date),
  );
}
