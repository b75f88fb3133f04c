// Dates in emails, written out in the reader's language and in an explicit, named time zone.
import { localeFor } from '@ayni/domain';
import type { Language } from '@ayni/domain';

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/**
 * "Sunday 21 June 2026 at 18:00 (British Summer Time)" /
 * "domingo 21 de junio de 2026 a las 6:00 p. m. (hora de verano británica)".
 * Meant to follow "on" / "el".
 */
export function formatDateTime(date: Date, language: Language, timeZone: string): string {
  const locale = localeFor[language];
  const dateParts = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).formatToParts(date);
  const timeFormat = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  const time = timeFormat.format(date);
  const hour = part(timeFormat.formatToParts(date), 'hour');
  const zone = part(
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(date),
    'timeZoneName',
  );
  const weekday = part(dateParts, 'weekday');
  const day = part(dateParts, 'day');
  const month = part(dateParts, 'month');
  const year = part(dateParts, 'year');
  const zoneSuffix = zone === '' ? '' : ` (${zone})`;
  if (language === 'es') {
    // "a la 1:00 p. m." but "a las 6:00 p. m."
    const at = hour === '1' || hour === '01' ? 'a la' : 'a las';
    return `${weekday} ${day} de ${month} de ${year} ${at} ${time}${zoneSuffix}`;
  }
  return `${weekday} ${day} ${month} ${year} at ${time}${zoneSuffix}`;
}
