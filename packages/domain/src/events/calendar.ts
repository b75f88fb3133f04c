// Events as iCalendar (RFC 5545) files: one event's `calendar.ics` download, the feed of upcoming events calendar
// apps subscribe to, and (later) the confirmation email's attachment. `@ayni/domain/calendar`, a subpath of its own
// so the browser bundle never carries ical-generator and the zone data.
//
// Times are written in the event's own zone (DTSTART;TZID=Europe/London:…) with that zone's VTIMEZONE from
// timezones-ical-library, so a calendar shows 18:00 London time whatever its reader's zone and whatever DST does.
// The online link is never written unless the caller passes it for one registrant's own copy (onlineUrl below).
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { Language } from '../shared/language.js';
import type { EventInLanguage } from './schema.js';

/** What a calendar entry needs of an event: never its online link (see CalendarOptions.onlineUrl). */
export type CalendarEvent = Pick<
  EventInLanguage,
  'id' | 'title' | 'summary' | 'startsAt' | 'endsAt' | 'timeZone' | 'venue' | 'status' | 'updatedAt'
> & {
  /** The event page's absolute URL. */
  url: string;
};

export interface CalendarOptions {
  /** The site's host ("ayni.example.org"): UIDs are `<event id>@<host>`, the same across edits. */
  host: string;
  /** The calendar's name (X-WR-CALNAME), e.g. "Ayni – Events". */
  name: string;
  language: Language;
  /**
   * Only for one registrant's own copy (the confirmation email): the online link, written in the description.
   * Public files never pass it.
   */
  onlineUrl?: string;
}

/** SEQUENCE counts from here: seconds since 2026-01-01T00:00:00Z, so it rises with every edit (see below). */
const SEQUENCE_EPOCH_MS = Date.UTC(2026, 0, 1);

/**
 * The event's revision number for calendar apps. Events carry no edit counter, so it is the seconds from a fixed
 * epoch to the last edit: it rises with every change (updatedAt only moves forward) and fits a 32-bit integer
 * until 2094. Never below 0, for events last edited before the epoch.
 */
export function calendarSequence(updatedAt: Date): number {
  return Math.max(0, Math.floor((updatedAt.getTime() - SEQUENCE_EPOCH_MS) / 1000));
}

/** The VTIMEZONE block for an IANA zone, or null when the library does not know it. */
function vtimezone(timeZone: string): string | null {
  const block = tzlib_get_ical_block(timeZone);
  return Array.isArray(block) && typeof block[0] === 'string' && block[0] !== '' ? block[0] : null;
}

const CANCELLED_PREFIX: Readonly<Record<Language, string>> = { en: 'Cancelled: ', es: 'Cancelado: ' };

function location(event: CalendarEvent, language: Language): string {
  if (event.venue) return [event.venue.name, event.venue.address].filter((part) => part !== '').join(', ');
  return language === 'es' ? 'En línea' : 'Online';
}

/** An iCalendar file (METHOD:PUBLISH) holding `events`, each with a stable UID and a rising SEQUENCE. */
export function buildCalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: options.host, product: 'Ayni events', language: options.language.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    // A generator with no calendar-wide zone: ical-generator then writes a VTIMEZONE for each event's own zone
    // and keeps DTSTAMP in UTC (with a named calendar zone it writes DTSTAMP in that zone's wall clock, without
    // the Z that RFC 5545 requires).
    timezone: { name: '', generator: vtimezone },
  });
  // Zoned times, not Dates: given a Date, ical-generator reads the wall clock in the process's own zone.
  const inZone = (at: Date, timeZone: string) =>
    Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  for (const event of events) {
    const cancelled = event.status === 'cancelled';
    const description = [event.summary, event.url, options.onlineUrl ?? '']
      .filter((part) => part !== '')
      .join('\n\n');
    calendar.createEvent({
      id: `${event.id}@${options.host}`,
      sequence: calendarSequence(event.updatedAt),
      stamp: event.updatedAt,
      start: inZone(event.startsAt, event.timeZone),
      end: inZone(event.endsAt, event.timeZone),
      timezone: event.timeZone,
      summary: cancelled ? `${CANCELLED_PREFIX[options.language]}${event.title}` : event.title,
      description,
      location: location(event, options.language),
      url: event.url,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
