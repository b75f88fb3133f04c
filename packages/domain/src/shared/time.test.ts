import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  dateInputSchema,
  formatDateTimeIn,
  timeZoneSchema,
  utcToZonedDateTime,
  zonedDateTimeToUtc,
  zonedParts,
} from './time.js';

const iso = (d: Date) => d.toISOString();

describe('addDays / addMonths / addYears', () => {
  it.each([
    ['2026-01-31T10:00:00.000Z', 1, '2026-02-01T10:00:00.000Z'],
    ['2026-03-01T00:00:00.000Z', -1, '2026-02-28T00:00:00.000Z'],
    ['2026-01-01T00:00:00.000Z', 30, '2026-01-31T00:00:00.000Z'],
  ])('addDays(%s, %d) → %s', (from, n, expected) => {
    expect(iso(addDays(new Date(from), n))).toBe(expected);
  });

  it.each([
    ['2026-01-31T10:00:00.000Z', 1, '2026-02-28T10:00:00.000Z'],
    ['2028-01-31T10:00:00.000Z', 1, '2028-02-29T10:00:00.000Z'],
    ['2026-03-31T00:00:00.000Z', 1, '2026-04-30T00:00:00.000Z'],
    ['2026-11-15T00:00:00.000Z', 3, '2027-02-15T00:00:00.000Z'],
    ['2026-03-31T00:00:00.000Z', -1, '2026-02-28T00:00:00.000Z'],
    ['2026-01-15T00:00:00.000Z', -13, '2024-12-15T00:00:00.000Z'],
  ])('addMonths(%s, %d) → %s', (from, n, expected) => {
    expect(iso(addMonths(new Date(from), n))).toBe(expected);
  });

  it.each([
    ['2028-02-29T12:00:00.000Z', 1, '2029-02-28T12:00:00.000Z'],
    ['2026-06-21T17:00:00.000Z', 1, '2027-06-21T17:00:00.000Z'],
  ])('addYears(%s, %d) → %s', (from, n, expected) => {
    expect(iso(addYears(new Date(from), n))).toBe(expected);
  });

  it('does not change its argument', () => {
    const d = new Date('2026-01-31T00:00:00Z');
    addMonths(d, 1);
    expect(iso(d)).toBe('2026-01-31T00:00:00.000Z');
  });
});

describe('timeZoneSchema', () => {
  it.each([
    ['Europe/London', 'Europe/London'],
    ['america/lima', 'America/Lima'],
    [' UTC ', 'UTC'],
  ])('%j → %j', (input, expected) => {
    expect(timeZoneSchema.parse(input)).toBe(expected);
  });

  it.each(['Europe/Atlantis', '', 'GMT+25'])('refuses %j', (input) => {
    expect(timeZoneSchema.safeParse(input).error?.issues[0]?.message).toBe(
      'Time zone must be a place name such as Europe/London or America/Lima',
    );
  });
});

describe('dateInputSchema', () => {
  const schema = dateInputSchema('Deadline');
  it.each([
    ['2026-06-21T17:00:00Z', '2026-06-21T17:00:00.000Z'],
    ['2026-06-21T18:00:00+01:00', '2026-06-21T17:00:00.000Z'],
    ['2026-06-21', '2026-06-21T00:00:00.000Z'],
  ])('%j → %s', (input, expected) => {
    expect(iso(schema.parse(input))).toBe(expected);
  });

  it('passes a Date through', () => {
    const d = new Date('2026-06-21T17:00:00Z');
    expect(schema.parse(d)).toBe(d);
  });

  it.each([
    ['2026-06-21T18:00', 'Deadline must be a valid date'],
    ['next week', 'Deadline must be a valid date'],
    ['2026-02-30', 'Deadline must be a valid date'],
    [42, 'Deadline must be a date'],
  ])('refuses %j', (input, message) => {
    expect(schema.safeParse(input).error?.issues[0]?.message).toBe(message);
  });
});

describe('zonedDateTimeToUtc / utcToZonedDateTime', () => {
  it.each([
    ['2026-06-21T18:00', 'Europe/London', '2026-06-21T17:00:00.000Z'],
    ['2026-01-10T18:00', 'Europe/London', '2026-01-10T18:00:00.000Z'],
    ['2026-06-21T18:00', 'America/Lima', '2026-06-21T23:00:00.000Z'],
    ['2026-06-21T18:00', 'UTC', '2026-06-21T18:00:00.000Z'],
    // Skipped by the spring change: 01:30 does not exist, so it moves to 02:30 BST.
    ['2026-03-29T01:30', 'Europe/London', '2026-03-29T01:30:00.000Z'],
    // Happens twice in autumn: the earlier (BST) instant is chosen.
    ['2026-10-25T01:30', 'Europe/London', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25T02:30', 'Europe/London', '2026-10-25T02:30:00.000Z'],
  ])('%s in %s → %s', (local, zone, expected) => {
    expect(iso(zonedDateTimeToUtc(local, zone))).toBe(expected);
  });

  it.each([
    ['2026-06-21T17:00:00Z', 'Europe/London', '2026-06-21T18:00'],
    ['2026-06-21T17:00:00Z', 'America/Lima', '2026-06-21T12:00'],
    ['2026-03-29T00:30:00Z', 'America/Lima', '2026-03-28T19:30'],
  ])('%s in %s reads %s', (instant, zone, expected) => {
    expect(utcToZonedDateTime(new Date(instant), zone)).toBe(expected);
  });

  it('refuses text that is not a local date-time', () => {
    expect(() => zonedDateTimeToUtc('21/06/2026 18:00', 'Europe/London')).toThrow(
      'Not a local date-time (YYYY-MM-DDTHH:mm): 21/06/2026 18:00',
    );
  });
});

// The UK's clock changes in 2026: 29 March at 01:00 GMT the clocks jump to 02:00 BST (01:00–01:59 never happens);
// 25 October at 02:00 BST they go back to 01:00 GMT (01:00–01:59 happens twice). The rule the docs promise: a
// skipped time moves forward by the gap, an ambiguous one is the earlier instant (Temporal's "compatible").
describe('Europe/London across its clock changes', () => {
  it.each([
    ['2026-03-29T00:59', '2026-03-29T00:59:00.000Z'],
    ['2026-03-29T01:00', '2026-03-29T01:00:00.000Z'],
    ['2026-03-29T01:59', '2026-03-29T01:59:00.000Z'],
    ['2026-03-29T02:00', '2026-03-29T01:00:00.000Z'],
    ['2026-03-29T02:01', '2026-03-29T01:01:00.000Z'],
  ])('spring: %s → %s', (local, expected) => {
    expect(iso(zonedDateTimeToUtc(local, 'Europe/London'))).toBe(expected);
  });

  it.each([
    ['2026-10-25T00:59', '2026-10-24T23:59:00.000Z'],
    ['2026-10-25T01:00', '2026-10-25T00:00:00.000Z'],
    ['2026-10-25T01:59:59', '2026-10-25T00:59:59.000Z'],
    ['2026-10-25T02:00', '2026-10-25T02:00:00.000Z'],
  ])('autumn: %s → %s', (local, expected) => {
    expect(iso(zonedDateTimeToUtc(local, 'Europe/London'))).toBe(expected);
  });

  it.each([
    ['2026-03-29T00:59:00Z', '2026-03-29T00:59'],
    ['2026-03-29T01:00:00Z', '2026-03-29T02:00'],
    // Both instants of the repeated hour read 01:30.
    ['2026-10-25T00:30:00Z', '2026-10-25T01:30'],
    ['2026-10-25T01:30:00Z', '2026-10-25T01:30'],
    ['2026-10-25T02:00:00Z', '2026-10-25T02:00'],
  ])('%s reads %s', (instant, expected) => {
    expect(utcToZonedDateTime(new Date(instant), 'Europe/London')).toBe(expected);
  });

  it('gives the wall-clock parts, seconds included, in the repeated hour', () => {
    expect(zonedParts(new Date('2026-10-25T01:15:42Z'), 'Europe/London')).toEqual({
      year: 2026,
      month: 10,
      day: 25,
      hour: 1,
      minute: 15,
      second: 42,
    });
  });
});

// Peru keeps UTC−5 all year; on the UK's change days nothing moves there.
describe('America/Lima (no daylight saving)', () => {
  it.each([
    ['2026-01-10T09:00', '2026-01-10T14:00:00.000Z'],
    ['2026-03-29T01:30', '2026-03-29T06:30:00.000Z'],
    ['2026-07-28T09:00', '2026-07-28T14:00:00.000Z'],
    ['2026-10-25T01:30', '2026-10-25T06:30:00.000Z'],
    ['2026-12-31T23:30', '2027-01-01T04:30:00.000Z'],
  ])('%s → %s', (local, expected) => {
    expect(iso(zonedDateTimeToUtc(local, 'America/Lima'))).toBe(expected);
  });

  it('reads every hour of a UK change day back as it was written', () => {
    for (let hour = 0; hour < 24; hour++) {
      const local = `2026-10-25T${String(hour).padStart(2, '0')}:30`;
      expect(utcToZonedDateTime(zonedDateTimeToUtc(local, 'America/Lima'), 'America/Lima')).toBe(local);
    }
  });

  it('knows the zone before railway time (local mean time, UTC−5:08:12, until 1890)', () => {
    expect(iso(zonedDateTimeToUtc('1885-06-01T12:00:00', 'America/Lima'))).toBe('1885-06-01T17:08:12.000Z');
  });
});

describe('zonedDateTimeToUtc refuses dates that do not exist', () => {
  it.each(['2026-02-30T10:00', '2026-13-01T10:00', '2026-06-21T24:00', '2026-06-21T18:60'])('%s', (local) => {
    expect(() => zonedDateTimeToUtc(local, 'Europe/London')).toThrow(
      `Not a local date-time (YYYY-MM-DDTHH:mm): ${local}`,
    );
  });
});

describe('formatDateTimeIn', () => {
  it.each([
    ['2027-03-08T09:00:00.000Z', 'Europe/London', '8 Mar 2027, 09:00'],
    // British Summer Time: the same UTC hour is an hour later on the wall clock.
    ['2027-07-08T09:00:00.000Z', 'Europe/London', '8 Jul 2027, 10:00'],
    ['2027-07-08T09:00:00.000Z', 'America/Lima', '8 Jul 2027, 04:00'],
    // The day in the zone, not in UTC.
    ['2027-01-01T02:30:00.000Z', 'America/Lima', '31 Dec 2026, 21:30'],
    ['2027-09-21T23:05:00.000Z', 'Europe/London', '22 Sept 2027, 00:05'],
    ['2027-06-21T17:00:00.000Z', 'UTC', '21 Jun 2027, 17:00'],
  ])('%s in %s reads "%s"', (at, zone, expected) => {
    expect(formatDateTimeIn(new Date(at), zone)).toBe(expected);
  });

  it('reads the two sides of the UK clocks going back as the wall clock showed them', () => {
    // 25 October 2026: 01:30 BST, then an hour later 01:30 GMT again.
    expect(formatDateTimeIn(new Date('2026-10-25T00:30:00.000Z'), 'Europe/London')).toBe(
      '25 Oct 2026, 01:30',
    );
    expect(formatDateTimeIn(new Date('2026-10-25T01:30:00.000Z'), 'Europe/London')).toBe(
      '25 Oct 2026, 01:30',
    );
  });

  it('names every month as the admin does', () => {
    const months = Array.from(
      { length: 12 },
      (_, m) => formatDateTimeIn(new Date(Date.UTC(2027, m, 15, 12)), 'UTC').split(' ')[1],
    );
    expect(months).toEqual([
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sept',
      'Oct',
      'Nov',
      'Dec',
    ]);
  });
});
