// Calendar arithmetic in UTC and IANA time-zone handling, without ever depending on the process's own zone.
// Wall-clock ↔ instant conversion is temporal-polyfill's (its tree-shakeable function API, so a browser bundle
// carries only what is used); see docs/decisions/0012-time-zones.md.
import * as Instant from 'temporal-polyfill/fns/Instant';
import * as PlainDateTime from 'temporal-polyfill/fns/PlainDateTime';
import { z } from 'zod';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The canonical spelling of an IANA zone ("europe/london" → "Europe/London"), or null if Intl does not know it. */
export function canonicalTimeZone(timeZone: string): string | null {
  if (timeZone.trim() === '') return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export function isValidTimeZone(timeZone: string): boolean {
  return canonicalTimeZone(timeZone) !== null;
}

export const timeZoneSchema = z
  .string({ error: 'Time zone is required' })
  .trim()
  .transform((value, ctx) => {
    const zone = canonicalTimeZone(value);
    if (zone === null) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: 'Time zone must be a place name such as Europe/London or America/Lima',
      });
      return z.NEVER;
    }
    return zone;
  });

/**
 * A date from a form or an API call: a Date, an ISO date-time with an offset ("2026-06-21T17:00:00Z"),
 * or a plain date ("2026-06-21", taken as midnight UTC). Local times without an offset are refused,
 * because their meaning would depend on the server's zone; use zonedDateTimeToUtc for those.
 */
export function dateInputSchema(label: string) {
  return z.union([z.date(), z.string()], { error: `${label} must be a date` }).transform((value, ctx) => {
    if (value instanceof Date) return value;
    const text = value.trim();
    const isoDateTime = z.iso.datetime({ offset: true }).safeParse(text).success;
    const isoDate = z.iso.date().safeParse(text).success;
    const parsed = isoDateTime ? new Date(text) : isoDate ? new Date(`${text}T00:00:00Z`) : null;
    if (parsed === null || Number.isNaN(parsed.getTime())) {
      ctx.issues.push({ code: 'custom', input: value, message: `${label} must be a valid date` });
      return z.NEVER;
    }
    return parsed;
  });
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** Adds calendar months in UTC, clamping to the end of a shorter month (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month));
  const result = new Date(date.getTime());
  result.setUTCFullYear(year, month, day);
  return result;
}

/** Adds calendar years in UTC; 29 February becomes 28 February in a common year. */
export function addYears(date: Date, years: number): Date {
  return addMonths(date, years * 12);
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading of an instant in a zone. */
export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const zoned = Instant.toZonedDateTimeISO(Instant.fromEpochMilliseconds(date.getTime()), timeZone);
  const { year, month, day, hour, minute, second } = zoned;
  return { year, month, day, hour, minute, second };
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant at which the wall clock in `timeZone` reads `local` ("2026-06-21T18:00", as an
 * <input type="datetime-local"> submits it). A time skipped by a DST change moves forward by the gap;
 * an ambiguous time (clocks going back) resolves to the earlier instant. Both are Temporal's "compatible"
 * disambiguation (docs/decisions/0012).
 */
export function zonedDateTimeToUtc(local: string, timeZone: string): Date {
  const text = local.trim();
  const match = LOCAL_DATE_TIME.exec(text);
  const notLocal = () => new RangeError(`Not a local date-time (YYYY-MM-DDTHH:mm): ${local}`);
  if (!match) throw notLocal();
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  let wall: ReturnType<typeof PlainDateTime.fromFields>;
  try {
    // 'reject' so that 30 February is refused rather than rolled over into March.
    wall = PlainDateTime.fromFields(
      { year: y, month: mo, day: d, hour: h, minute: mi, second: s },
      { overflow: 'reject' },
    );
  } catch {
    throw notLocal();
  }
  const zoned = PlainDateTime.toZonedDateTime(wall, timeZone, { disambiguation: 'compatible' });
  return new Date(zoned.epochMilliseconds);
}

/** The wall-clock reading in `timeZone` as "YYYY-MM-DDTHH:mm", ready for an <input type="datetime-local">. */
export function utcToZonedDateTime(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

// The months as en-GB abbreviates them (CLDR: "Sept", not "Sep"), the admin's one date format.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const;

/**
 * An instant as the wall clock in `timeZone` reads it, in the admin's one format: "8 Mar 2027, 09:00" (en-GB,
 * medium date, short 24-hour time). Built from `zonedParts`, so the text never depends on the process's zone or on
 * its ICU version: audit summaries written with it read the same in every place they are shown.
 */
export function formatDateTimeIn(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}, ${pad(p.hour)}:${pad(p.minute)}`;
}
