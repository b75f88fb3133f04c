import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  dateInputSchema,
  timeZoneSchema,
  utcToZonedDateTime,
  zonedDateTimeToUtc,
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
