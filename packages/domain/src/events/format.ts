// Event dates in the house style ("Wed 21 June, 6.00pm" / "mié 21 de junio, 18.00"), always in the event's own
// zone, built from formatToParts so the result never depends on the server's zone or ICU's punctuation.
import * as Instant from 'temporal-polyfill/fns/Instant';
import * as ZonedDateTime from 'temporal-polyfill/fns/ZonedDateTime';
import { localeFor, type Language } from '../shared/language.js';

interface LocalParts {
  weekday: string;
  day: string;
  month: string;
  hour: number;
  minute: string;
  year: string;
  /** YYYY-MM-DD in the zone, to tell whether two instants fall on the same local day. */
  date: string;
}

function localParts(at: Date, timeZone: string, language: Language): LocalParts {
  const parts = new Intl.DateTimeFormat(localeFor[language], {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const numeric = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return {
    weekday: get('weekday'),
    day: get('day'),
    month: get('month'),
    hour: Number(get('hour')) % 24,
    minute: get('minute'),
    year: get('year'),
    date: numeric.format(at),
  };
}

function formatTime(p: LocalParts, language: Language): string {
  if (language === 'es') return `${String(p.hour).padStart(2, '0')}.${p.minute}`;
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return `${hour12}.${p.minute}${p.hour < 12 ? 'am' : 'pm'}`;
}

function formatDay(p: LocalParts, language: Language, withYear = false): string {
  if (language === 'es') {
    const weekday = p.weekday.replace(/\.$/, '').toLocaleLowerCase('es');
    return `${weekday} ${p.day} de ${p.month.toLocaleLowerCase('es')}${withYear ? ` de ${p.year}` : ''}`;
  }
  return `${p.weekday} ${p.day} ${p.month}${withYear ? ` ${p.year}` : ''}`;
}

/**
 * "Wed 21 June, 6.00pm" in English, "mié 21 de junio, 18.00" in Spanish, in the given zone; with `now`, the year
 * is added when the event is in another year than `now` there ("Sat 1 November 2025, 6.00pm").
 */
export function formatEventDate(start: Date, timeZone: string, language: Language, now?: Date): string {
  const p = localParts(start, timeZone, language);
  const withYear = now !== undefined && localParts(now, timeZone, language).year !== p.year;
  return `${formatDay(p, language, withYear)}, ${formatTime(p, language)}`;
}

/**
 * "Wed 21 June, 6.00pm–8.00pm" on one local day; otherwise both dates in full, separated by " – ". With `now`, the
 * year is added when the event is in another year than `now` there.
 */
export function formatEventRange(
  start: Date,
  end: Date,
  timeZone: string,
  language: Language,
  now?: Date,
): string {
  const s = localParts(start, timeZone, language);
  const e = localParts(end, timeZone, language);
  const thisYear = now === undefined ? null : localParts(now, timeZone, language).year;
  // Each end carries its year when it is not this year, and both do when the event crosses a New Year.
  const withYear = (p: LocalParts) => thisYear !== null && (p.year !== thisYear || s.year !== e.year);
  const from = `${formatDay(s, language, withYear(s))}, ${formatTime(s, language)}`;
  if (s.date === e.date) return `${from}–${formatTime(e, language)}`;
  return `${from} – ${formatDay(e, language, withYear(e))}, ${formatTime(e, language)}`;
}

// Spanish names of the cities in IANA zone ids where Spanish spells them differently; any other city reads as the
// id spells it ("Lima", "Madrid"). Intl names zones by country or region ("United Kingdom Time", "hora de Reino
// Unido", "Central European Time"), which does not read like an event announcement.
const SPANISH_CITIES: Readonly<Record<string, string>> = {
  London: 'Londres',
  New_York: 'Nueva York',
  Mexico_City: 'Ciudad de México',
  Bogota: 'Bogotá',
  Lisbon: 'Lisboa',
  Brussels: 'Bruselas',
  Geneva: 'Ginebra',
  Zurich: 'Zúrich',
  Stockholm: 'Estocolmo',
  Copenhagen: 'Copenhague',
  Athens: 'Atenas',
  Rome: 'Roma',
  Paris: 'París',
  Berlin: 'Berlín',
  Vienna: 'Viena',
  Warsaw: 'Varsovia',
  Prague: 'Praga',
  Moscow: 'Moscú',
  Tokyo: 'Tokio',
  Sao_Paulo: 'São Paulo',
  Asuncion: 'Asunción',
  Havana: 'La Habana',
};

/** "UTC", "UTC−5", "UTC+3" for the zones without a city (IANA's Etc/GMT+5 is five hours *behind* UTC). */
function offsetZoneName(timeZone: string): string {
  const gmt = /^(?:Etc\/)?GMT([+-])(\d{1,2})$/.exec(timeZone);
  if (gmt) return `UTC${gmt[1] === '+' ? '−' : '+'}${gmt[2]}`;
  return /^(?:Etc\/)?(?:UTC|UCT|GMT|Zulu|Universal|Greenwich)0?$/.test(timeZone) ? 'UTC' : timeZone;
}

/**
 * The event's zone in words, in the reader's language: "London time" / "hora de Londres", "Lima time" / "hora de
 * Lima" — the city of the IANA id. A zone with no city is named by its offset: "UTC", "UTC−5" (for Etc/GMT+5).
 */
export function formatTimeZoneName(timeZone: string, language: Language): string {
  const city = timeZone.includes('/') && !timeZone.startsWith('Etc/') ? timeZone.split('/').at(-1)! : null;
  if (city === null) return offsetZoneName(timeZone);
  const name = language === 'es' ? (SPANISH_CITIES[city] ?? city) : city;
  const words = name.replace(/_/g, ' ');
  return language === 'es' ? `hora de ${words}` : `${words} time`;
}

/** When an event happens, with its zone named: "Wed 21 June, 6.00pm–8.00pm, London time" (`now`: as above). */
export function formatEventWhen(
  start: Date,
  end: Date,
  timeZone: string,
  language: Language,
  now?: Date,
): string {
  return `${formatEventRange(start, end, timeZone, language, now)}, ${formatTimeZoneName(timeZone, language)}`;
}

/** The instant as the event's wall clock reads it, with the zone's offset: "2027-03-28T18:00:00+01:00". */
export function isoInZone(at: Date, timeZone: string): string {
  const zoned = Instant.toZonedDateTimeISO(Instant.fromEpochMilliseconds(at.getTime()), timeZone);
  return ZonedDateTime.toString(zoned, { timeZoneName: 'never', fractionalSecondDigits: 0 });
}
