import { describe, expect, it } from 'vitest';
import {
  formatEventDate,
  formatEventRange,
  formatEventWhen,
  formatTimeZoneName,
  isoInZone,
} from './format.js';

describe('formatEventDate', () => {
  it.each([
    // The house style.
    ['2023-06-21T17:00:00Z', 'Europe/London', 'en', 'Wed 21 June, 6.00pm'],
    ['2023-06-21T17:00:00Z', 'Europe/London', 'es', 'mié 21 de junio, 18.00'],
    // Noon and midnight.
    ['2026-06-21T11:00:00Z', 'Europe/London', 'en', 'Sun 21 June, 12.00pm'],
    ['2026-06-20T23:05:00Z', 'Europe/London', 'en', 'Sun 21 June, 12.05am'],
    ['2026-06-20T23:05:00Z', 'Europe/London', 'es', 'dom 21 de junio, 00.05'],
    ['2026-06-21T08:00:00Z', 'Europe/London', 'es', 'dom 21 de junio, 09.00'],
    // Europe/London, spring forward on 29 March 2026 at 01:00 UTC.
    ['2026-03-29T00:30:00Z', 'Europe/London', 'en', 'Sun 29 March, 12.30am'],
    ['2026-03-29T00:59:00Z', 'Europe/London', 'en', 'Sun 29 March, 12.59am'],
    ['2026-03-29T01:00:00Z', 'Europe/London', 'en', 'Sun 29 March, 2.00am'],
    ['2026-03-29T01:30:00Z', 'Europe/London', 'es', 'dom 29 de marzo, 02.30'],
    // Europe/London, fall back on 25 October 2026 at 01:00 UTC: 1.30am happens twice.
    ['2026-10-25T00:30:00Z', 'Europe/London', 'en', 'Sun 25 October, 1.30am'],
    ['2026-10-25T01:30:00Z', 'Europe/London', 'en', 'Sun 25 October, 1.30am'],
    ['2026-10-25T02:30:00Z', 'Europe/London', 'en', 'Sun 25 October, 2.30am'],
    // America/Lima stays at UTC−5 all year.
    ['2026-03-29T00:30:00Z', 'America/Lima', 'en', 'Sat 28 March, 7.30pm'],
    ['2026-10-25T00:30:00Z', 'America/Lima', 'en', 'Sat 24 October, 7.30pm'],
    ['2026-10-25T00:30:00Z', 'America/Lima', 'es', 'sáb 24 de octubre, 19.30'],
    ['2026-01-07T23:15:00Z', 'America/Lima', 'es', 'mié 7 de enero, 18.15'],
  ] as const)('%s in %s (%s) → %s', (instant, zone, language, expected) => {
    expect(formatEventDate(new Date(instant), zone, language)).toBe(expected);
  });

  it('shows the same instant in each zone’s own wall-clock time', () => {
    const instant = new Date('2026-06-21T12:00:00Z');
    expect(
      ['UTC', 'Europe/London', 'America/Lima', 'Asia/Tokyo', 'Pacific/Kiritimati'].map((zone) =>
        formatEventDate(instant, zone, 'en'),
      ),
    ).toEqual([
      'Sun 21 June, 12.00pm',
      'Sun 21 June, 1.00pm',
      'Sun 21 June, 7.00am',
      'Sun 21 June, 9.00pm',
      'Mon 22 June, 2.00am',
    ]);
  });
});

describe('formatEventRange', () => {
  it.each([
    ['2023-06-21T17:00:00Z', '2023-06-21T19:00:00Z', 'Europe/London', 'en', 'Wed 21 June, 6.00pm–8.00pm'],
    ['2023-06-21T17:00:00Z', '2023-06-21T19:00:00Z', 'Europe/London', 'es', 'mié 21 de junio, 18.00–20.00'],
    // Same UTC day but two local days in Lima.
    [
      '2026-06-21T22:00:00Z',
      '2026-06-22T06:00:00Z',
      'America/Lima',
      'en',
      'Sun 21 June, 5.00pm – Mon 22 June, 1.00am',
    ],
    // Across the autumn change: 11pm BST to 2am GMT is four hours.
    [
      '2026-10-24T22:00:00Z',
      '2026-10-25T02:00:00Z',
      'Europe/London',
      'en',
      'Sat 24 October, 11.00pm – Sun 25 October, 2.00am',
    ],
    [
      '2026-10-03T09:00:00Z',
      '2026-10-04T15:00:00Z',
      'Europe/London',
      'es',
      'sáb 3 de octubre, 10.00 – dom 4 de octubre, 16.00',
    ],
  ] as const)('%s–%s in %s (%s) → %s', (start, end, zone, language, expected) => {
    expect(formatEventRange(new Date(start), new Date(end), zone, language)).toBe(expected);
  });
});

describe('formatEventDate with the year', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  it('adds the year only when the event is in another year than now, in the event zone', () => {
    expect(formatEventDate(new Date('2026-12-10T18:00:00Z'), 'Europe/London', 'en', now)).toBe(
      'Thu 10 December, 6.00pm',
    );
    expect(formatEventDate(new Date('2027-01-17T18:00:00Z'), 'Europe/London', 'en', now)).toBe(
      'Sun 17 January 2027, 6.00pm',
    );
    expect(formatEventDate(new Date('2025-11-01T23:00:00Z'), 'America/Lima', 'es', now)).toBe(
      'sáb 1 de noviembre de 2025, 18.00',
    );
  });
});

describe('formatEventRange across a New Year', () => {
  it('gives both ends their year, though the event starts this year', () => {
    const now = new Date('2026-12-04T12:00:00Z');
    expect(
      formatEventRange(
        new Date('2026-12-31T21:00:00Z'),
        new Date('2027-01-01T02:00:00Z'),
        'Europe/London',
        'en',
        now,
      ),
    ).toBe('Thu 31 December 2026, 9.00pm – Fri 1 January 2027, 2.00am');
  });
});

describe('formatTimeZoneName', () => {
  it.each([
    ['Europe/London', 'en', 'London time'],
    ['Europe/London', 'es', 'hora de Londres'],
    ['America/Lima', 'en', 'Lima time'],
    ['America/Lima', 'es', 'hora de Lima'],
    ['America/New_York', 'en', 'New York time'],
    ['America/New_York', 'es', 'hora de Nueva York'],
    ['America/Argentina/Buenos_Aires', 'es', 'hora de Buenos Aires'],
    ['UTC', 'en', 'UTC'],
    ['UTC', 'es', 'UTC'],
    ['Etc/UTC', 'es', 'UTC'],
    // IANA's signs are inverted: Etc/GMT+5 is five hours behind UTC.
    ['Etc/GMT+5', 'en', 'UTC−5'],
    ['Etc/GMT-3', 'es', 'UTC+3'],
  ] as const)('%s in %s → %s', (zone, language, expected) => {
    expect(formatTimeZoneName(zone, language)).toBe(expected);
  });
});

describe('formatEventWhen', () => {
  it('reads the time in the event zone and names the zone, either side of a clock change', () => {
    // London's clocks go forward on Sunday 28 March 2027.
    expect(
      formatEventWhen(
        new Date('2027-03-27T18:00:00Z'),
        new Date('2027-03-27T20:00:00Z'),
        'Europe/London',
        'en',
      ),
    ).toBe('Sat 27 March, 6.00pm–8.00pm, London time');
    expect(
      formatEventWhen(
        new Date('2027-03-29T17:00:00Z'),
        new Date('2027-03-29T19:00:00Z'),
        'Europe/London',
        'es',
      ),
    ).toBe('lun 29 de marzo, 18.00–20.00, hora de Londres');
    expect(
      formatEventWhen(
        new Date('2027-03-29T23:00:00Z'),
        new Date('2027-03-30T01:00:00Z'),
        'America/Lima',
        'es',
      ),
    ).toBe('lun 29 de marzo, 18.00–20.00, hora de Lima');
  });
});

describe('isoInZone', () => {
  it('writes the wall clock of the zone with its offset', () => {
    expect(isoInZone(new Date('2027-03-29T17:00:00Z'), 'Europe/London')).toBe('2027-03-29T18:00:00+01:00');
    expect(isoInZone(new Date('2027-03-27T18:00:00Z'), 'Europe/London')).toBe('2027-03-27T18:00:00+00:00');
    expect(isoInZone(new Date('2027-03-29T23:00:00Z'), 'America/Lima')).toBe('2027-03-29T18:00:00-05:00');
  });
});
