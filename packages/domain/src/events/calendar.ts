// Events as iCalendar (RFC 5545) files: one event's `calendar.ics` download, the feed of upcoming events calendar
// apps subscribe to — both public — and one registrant's own copy, attached to their confirmation email, which is
// the only file that may carry the online link. `@ayni/domain/calendar`, a subpath of its own so the browser bundle
// never carries ical-generator and the zone data.
//
// Times are written in the event's own zone (DTSTART;TZID=Europe/London:…) with that zone's VTIMEZONE from
// timezones-ical-library, so a calendar shows 18:00 London time whatever its reader's zone and whatever DST does.
// The UID is the event's id at the site's host (the same across edits, so an edit updates the entry a calendar
// holds instead of adding one) and SEQUENCE is the event's own `sequence`, which rises with each change readers see.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { Language } from '../shared/language.js';
import type { EventInLanguage } from './schema.js';

/** What a calendar entry needs of an event — never its online link (only buildRegistrantCalendar writes one). */
export type CalendarEvent = Pick<
  EventInLanguage,
  | 'id'
  | 'title'
  | 'summary'
  | 'startsAt'
  | 'endsAt'
  | 'timeZone'
  | 'venue'
  | 'status'
  | 'sequence'
  | 'updatedAt'
> & {
  /** The event page's absolute URL. */
  url: string;
};

/**
 * An event in one language as a calendar entry, its fields picked one by one so the online link never is. `url`
 * is the absolute address of the event's page in that language.
 */
export function calendarEvent(event: EventInLanguage, url: string): CalendarEvent {
  return {
    id: event.id,
    title: event.title,
    summary: event.summary,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    venue: event.venue,
    status: event.status,
    sequence: event.sequence,
    updatedAt: event.updatedAt,
    url,
  };
}

export interface CalendarOptions {
  /** The site's host ("ayni.example.org"): UIDs are `<event id>@<host>`, the same across edits. */
  host: string;
  /** The calendar's name (X-WR-CALNAME), e.g. "Ayni – Events". */
  name: string;
  language: Language;
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

const JOIN_ONLINE: Readonly<Record<Language, string>> = { en: 'Join online: ', es: 'Conéctate en línea: ' };

/** The calendar text; `onlineUrl` only from buildRegistrantCalendar. */
function calendarText(
  events: readonly CalendarEvent[],
  options: CalendarOptions,
  onlineUrl: string | null,
): string {
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
    const online = onlineUrl === null ? '' : `${JOIN_ONLINE[options.language]}${onlineUrl}`;
    const description = [event.summary, event.url, online].filter((part) => part !== '').join('\n\n');
    calendar.createEvent({
      id: `${event.id}@${options.host}`,
      sequence: event.sequence,
      // The last edit, not the time of the download: the same content gives the same file (ETags, caches).
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

/**
 * A public iCalendar file (METHOD:PUBLISH) holding `events`: an event's "Add to calendar" and the feed. It never
 * carries an online link (CalendarEvent has none).
 */
export function buildCalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  return calendarText(events, options, null);
}

/**
 * One registrant's own copy of one event, for their confirmation (or reminder) email: the public entry — same UID
 * and SEQUENCE, so it and a subscribed feed update one calendar entry — plus, when the event has one, the online
 * link in the description. Never serve it on a public address.
 */
export function buildRegistrantCalendar(
  event: CalendarEvent,
  options: CalendarOptions & { onlineUrl: string | null },
): string {
  return calendarText([event], options, options.onlineUrl);
}
