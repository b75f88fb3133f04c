import ICAL from 'ical.js';
import { tzlib_get_offset } from 'timezones-ical-library';
import { describe, expect, it } from 'vitest';
import { buildCalendar, calendarSequence, type CalendarEvent } from './calendar.js';
import { isoInZone } from './format.js';

const OPTIONS = {
  host: 'ayni.test',
  name: 'Ayni – Events',
  language: 'en',
  timeZone: 'Europe/London',
} as const;

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    id: 'ev-1',
    title: 'Screening: Tierra',
    summary: 'A film about the Andes; then questions, with friends',
    // Monday 29 March 2027, 18:00 in London: the day after the clocks go forward (BST, UTC+1).
    startsAt: new Date('2027-03-29T17:00:00Z'),
    endsAt: new Date('2027-03-29T19:00:00Z'),
    timeZone: 'Europe/London',
    venue: { name: 'Amnesty International House', address: '17–25 New Inn Yard, London EC2A 3EA' },
    status: 'published',
    updatedAt: new Date('2026-12-01T10:00:00Z'),
    url: 'https://ayni.test/events/screening-tierra',
    ...overrides,
  };
}

/** The file parsed by ical.js, with its VTIMEZONEs registered so times resolve to instants through them. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return calendar;
}

function only(calendar: ICAL.Component): ICAL.Component {
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  return events[0]!;
}

function dtstart(vevent: ICAL.Component, name: 'dtstart' | 'dtend' = 'dtstart') {
  const property = vevent.getFirstProperty(name)!;
  const time = property.getFirstValue() as ICAL.Time;
  return { tzid: property.getParameter('tzid'), time };
}

describe('buildCalendar', () => {
  it('writes the properties RFC 5545 requires, METHOD:PUBLISH and the event page', () => {
    const calendar = parse(buildCalendar([event()], OPTIONS));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toMatch(/ayni\.test/);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const vevent = only(calendar);
    expect(vevent.getFirstPropertyValue('uid')).toBe('ev-1@ayni.test');
    // DTSTAMP is UTC (RFC 5545 §3.8.7.2): the last edit.
    expect(String(vevent.getFirstPropertyValue('dtstamp'))).toBe('2026-12-01T10:00:00Z');
    expect(vevent.getFirstPropertyValue('summary')).toBe('Screening: Tierra');
    expect(vevent.getFirstPropertyValue('url')).toBe('https://ayni.test/events/screening-tierra');
    expect(vevent.getFirstPropertyValue('location')).toBe(
      'Amnesty International House, 17–25 New Inn Yard, London EC2A 3EA',
    );
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    // Commas and semicolons in the text survive the escaping.
    expect(vevent.getFirstPropertyValue('description')).toContain(
      'A film about the Andes; then questions, with friends',
    );
  });

  it('reads 18:00 London time the day after the clocks go forward, and 18:00 the day before', () => {
    const after = only(parse(buildCalendar([event()], OPTIONS)));
    const start = dtstart(after);
    expect(start.tzid).toBe('Europe/London');
    expect([start.time.hour, start.time.minute]).toEqual([18, 0]);
    expect(start.time.toJSDate().toISOString()).toBe('2027-03-29T17:00:00.000Z');
    const end = dtstart(after, 'dtend');
    expect([end.time.hour, end.time.minute]).toEqual([20, 0]);

    // Saturday 27 March 2027, 18:00 GMT: the same wall clock, an hour later in UTC.
    const before = only(
      parse(
        buildCalendar(
          [event({ startsAt: new Date('2027-03-27T18:00:00Z'), endsAt: new Date('2027-03-27T20:00:00Z') })],
          OPTIONS,
        ),
      ),
    );
    const beforeStart = dtstart(before);
    expect([beforeStart.time.hour, beforeStart.time.minute]).toEqual([18, 0]);
    expect(beforeStart.time.toJSDate().toISOString()).toBe('2027-03-27T18:00:00.000Z');
  });

  it('carries the VTIMEZONE of every zone it uses: an event in Lima reads 18:00 Lima time (UTC−5)', () => {
    const lima = event({
      id: 'ev-lima',
      timeZone: 'America/Lima',
      startsAt: new Date('2027-03-29T23:00:00Z'),
      endsAt: new Date('2027-03-30T01:00:00Z'),
    });
    const calendar = parse(buildCalendar([event(), lima], OPTIONS));
    const zones = calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    expect(zones.sort()).toEqual(['America/Lima', 'Europe/London']);
    const vevent = calendar
      .getAllSubcomponents('vevent')
      .find((v) => v.getFirstPropertyValue('uid') === 'ev-lima@ayni.test')!;
    const start = dtstart(vevent);
    expect(start.tzid).toBe('America/Lima');
    expect([start.time.hour, start.time.minute]).toEqual([18, 0]);
    expect(start.time.toJSDate().toISOString()).toBe('2027-03-29T23:00:00.000Z');
  });

  it('agrees with Intl on the offsets: the zone library, the VTIMEZONE as ical.js reads it, and isoInZone', () => {
    const cases = [
      ['Europe/London', '2027-03-27', '18:00', '2027-03-27T18:00:00Z', '+0000'],
      ['Europe/London', '2027-03-29', '18:00', '2027-03-29T17:00:00Z', '+0100'],
      ['America/Lima', '2027-03-29', '18:00', '2027-03-29T23:00:00Z', '-0500'],
      ['America/Lima', '2027-07-01', '18:00', '2027-07-01T23:00:00Z', '-0500'],
    ] as const;
    for (const [zone, date, time, instant, offset] of cases) {
      expect(tzlib_get_offset(zone, date, time)).toBe(offset);
      const intl = isoInZone(new Date(instant), zone);
      expect(intl).toBe(`${date}T${time}:00${offset.slice(0, 3)}:${offset.slice(3)}`);
      const calendar = parse(
        buildCalendar(
          [
            event({
              timeZone: zone,
              startsAt: new Date(instant),
              endsAt: new Date(new Date(instant).getTime() + 3_600_000),
            }),
          ],
          OPTIONS,
        ),
      );
      const start = dtstart(only(calendar)).time;
      const seconds = start.zone!.utcOffset(start);
      expect(seconds).toBe(
        (offset.startsWith('-') ? -1 : 1) *
          (Number(offset.slice(1, 3)) * 3600 + Number(offset.slice(3)) * 60),
      );
    }
  });

  it('keeps the UID across edits and raises SEQUENCE with each one', () => {
    const first = only(parse(buildCalendar([event()], OPTIONS)));
    const edited = only(
      parse(
        buildCalendar(
          [event({ title: 'Screening: Tierra (new room)', updatedAt: new Date('2026-12-02T09:00:00Z') })],
          OPTIONS,
        ),
      ),
    );
    expect(edited.getFirstPropertyValue('uid')).toBe(first.getFirstPropertyValue('uid'));
    expect(Number(edited.getFirstPropertyValue('sequence'))).toBeGreaterThan(
      Number(first.getFirstPropertyValue('sequence')),
    );
    expect(calendarSequence(new Date('2025-06-01T00:00:00Z'))).toBe(0);
    expect(calendarSequence(new Date('2026-01-01T00:01:00Z'))).toBe(60);
  });

  it('marks a cancelled event STATUS:CANCELLED and says so in its title, in the calendar language', () => {
    const vevent = only(
      parse(
        buildCalendar([event({ status: 'cancelled', title: 'Proyección' })], { ...OPTIONS, language: 'es' }),
      ),
    );
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('summary')).toBe('Cancelado: Proyección');
  });

  it('names an online-only event "Online" as its location and writes the online link only when given one', () => {
    const online = event({ venue: null });
    const text = buildCalendar([online], OPTIONS);
    expect(only(parse(text)).getFirstPropertyValue('location')).toBe('Online');
    expect(text).not.toContain('meet.example');
    const own = buildCalendar([online], { ...OPTIONS, onlineUrl: 'https://meet.example/room-42' });
    expect(String(only(parse(own)).getFirstPropertyValue('description'))).toContain(
      'https://meet.example/room-42',
    );
  });
});
