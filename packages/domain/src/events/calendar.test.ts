import ICAL from 'ical.js';
import { tzlib_get_offset } from 'timezones-ical-library';
import { describe, expect, it } from 'vitest';
import { buildCalendar, buildRegistrantCalendar, calendarEvent, type CalendarEvent } from './calendar.js';
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
    sequence: 3,
    updatedAt: new Date('2026-12-01T10:00:00Z'),
    url: 'https://ayni.test/events/screening-tierra',
    ...overrides,
  };
}

/**
 * The file parsed by ical.js, with its VTIMEZONEs registered so times resolve to instants through them. ical.js
 * does not validate: this checks what RFC 5545 requires of the calendar and of each event (and what Ayni always
 * writes), and that every TZID an event uses has its VTIMEZONE in the file.
 */
function parse(text: string) {
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const name of ['version', 'prodid', 'method'])
    expect(calendar.getFirstPropertyValue(name), name).toBeTruthy();
  const zones = new Set<string>();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    zones.add(String(zone.getFirstPropertyValue('tzid')));
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    for (const name of ['uid', 'dtstamp', 'dtstart', 'dtend', 'summary', 'url', 'sequence', 'status']) {
      expect(vevent.getFirstPropertyValue(name), name).not.toBeNull();
    }
    expect(String(vevent.getFirstPropertyValue('dtstamp'))).toMatch(/Z$/);
    for (const name of ['dtstart', 'dtend']) {
      expect(zones.has(String(vevent.getFirstProperty(name)!.getParameter('tzid'))), name).toBe(true);
    }
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
      // The autumn change (31 October 2027): the day before in BST, the day after in GMT.
      ['Europe/London', '2027-10-30', '18:00', '2027-10-30T17:00:00Z', '+0100'],
      ['Europe/London', '2027-11-01', '18:00', '2027-11-01T18:00:00Z', '+0000'],
    ] as const;
    for (const [zone, date, time, instant, offset] of cases) {
      // Intl itself (the platform's zone data): the wall clock and the offset at that instant.
      const parts = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        hourCycle: 'h23',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'longOffset',
      }).formatToParts(new Date(instant));
      const part = (type: string) => parts.find((p) => p.type === type)?.value;
      expect(`${part('hour')}:${part('minute')}`).toBe(time);
      // ("GMT" alone for +00:00 in some ICU versions.)
      expect(part('timeZoneName')?.replace(/^GMT$/, 'GMT+00:00')).toBe(
        `GMT${offset.slice(0, 3)}:${offset.slice(3)}`,
      );
      // The zone library the VTIMEZONEs come from, and the domain's own conversion.
      expect(tzlib_get_offset(zone, date, time)).toBe(offset);
      const iso = isoInZone(new Date(instant), zone);
      expect(iso).toBe(`${date}T${time}:00${offset.slice(0, 3)}:${offset.slice(3)}`);
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

  it("keeps the UID across edits and writes the event's own SEQUENCE, which an edit raises", () => {
    const first = only(parse(buildCalendar([event()], OPTIONS)));
    expect(first.getFirstPropertyValue('sequence')).toBe(3);
    const edited = only(
      parse(
        buildCalendar(
          [
            event({
              title: 'Screening: Tierra (new room)',
              sequence: 4,
              updatedAt: new Date('2026-12-02T09:00:00Z'),
            }),
          ],
          OPTIONS,
        ),
      ),
    );
    expect(edited.getFirstPropertyValue('uid')).toBe(first.getFirstPropertyValue('uid'));
    expect(edited.getFirstPropertyValue('sequence')).toBe(4);
    expect(String(edited.getFirstPropertyValue('dtstamp'))).toBe('2026-12-02T09:00:00Z');
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

  it('names an online-only event "Online" as its location', () => {
    expect(
      only(parse(buildCalendar([event({ venue: null })], OPTIONS))).getFirstPropertyValue('location'),
    ).toBe('Online');
  });

  it('calendarEvent picks what a calendar shows of an event, never its online link', () => {
    const stored = {
      ...event(),
      onlineUrl: 'https://meet.example/room-42',
      slug: 'screening-tierra',
      body: '',
      language: 'en',
    } as unknown as Parameters<typeof calendarEvent>[0];
    const entry = calendarEvent(stored, 'https://ayni.test/events/screening-tierra');
    expect(entry).toEqual(event());
    expect(buildCalendar([entry], OPTIONS)).not.toContain('meet.example');
  });
});

describe('buildRegistrantCalendar', () => {
  it("is the public entry (same UID, SEQUENCE and times) with the online link, in the registrant's language", () => {
    const own = buildRegistrantCalendar(event(), { ...OPTIONS, onlineUrl: 'https://meet.example/room-42' });
    const vevent = only(parse(own));
    const pub = only(parse(buildCalendar([event()], OPTIONS)));
    for (const name of ['uid', 'sequence', 'summary', 'url', 'status', 'location']) {
      expect(vevent.getFirstPropertyValue(name), name).toEqual(pub.getFirstPropertyValue(name));
    }
    for (const name of ['dtstart', 'dtend'] as const) {
      const [mine, theirs] = [dtstart(vevent, name), dtstart(pub, name)];
      expect([mine.tzid, mine.time.toString()]).toEqual([theirs.tzid, theirs.time.toString()]);
    }
    expect(String(vevent.getFirstPropertyValue('description'))).toContain(
      'Join online: https://meet.example/room-42',
    );
    const spanish = buildRegistrantCalendar(event(), {
      ...OPTIONS,
      language: 'es',
      onlineUrl: 'https://meet.example/room-42',
    });
    expect(String(only(parse(spanish)).getFirstPropertyValue('description'))).toContain(
      'Conéctate en línea: https://meet.example/room-42',
    );
  });

  it('writes no link for an event without one', () => {
    const own = buildRegistrantCalendar(event(), { ...OPTIONS, onlineUrl: null });
    expect(String(only(parse(own)).getFirstPropertyValue('description'))).not.toMatch(/Join online/);
  });
});
