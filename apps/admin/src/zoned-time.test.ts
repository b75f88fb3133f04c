import { describe, expect, it } from 'vitest';
import { isoToZonedLocal, zonedLocalToIso } from './zoned-time.js';

describe('zonedLocalToIso', () => {
  it('reads a summer time in London as BST (UTC+1)', () => {
    expect(zonedLocalToIso('2025-06-21T18:00', 'Europe/London')).toBe('2025-06-21T17:00:00.000Z');
  });

  it('reads a winter time in London as GMT', () => {
    expect(zonedLocalToIso('2025-01-15T09:30', 'Europe/London')).toBe('2025-01-15T09:30:00.000Z');
  });

  it('reads Lima (UTC-5, no DST) and zones with half hours', () => {
    expect(zonedLocalToIso('2025-03-30T23:15', 'America/Lima')).toBe('2025-03-31T04:15:00.000Z');
    expect(zonedLocalToIso('2025-03-30T12:00', 'Asia/Kolkata')).toBe('2025-03-30T06:30:00.000Z');
  });

  it('moves a time that does not exist (clocks go forward) forward by the gap', () => {
    // 30 March 2025: London goes from 01:00 GMT straight to 02:00 BST.
    const iso = zonedLocalToIso('2025-03-30T01:30', 'Europe/London');
    expect(iso).toBe('2025-03-30T01:30:00.000Z');
    expect(isoToZonedLocal(iso!, 'Europe/London')).toBe('2025-03-30T02:30');
  });

  it('takes the first of a time that happens twice (clocks go back)', () => {
    // 26 October 2025: London goes from 02:00 BST back to 01:00 GMT, so 01:30 happens twice.
    expect(zonedLocalToIso('2025-10-26T01:30', 'Europe/London')).toBe('2025-10-26T00:30:00.000Z');
  });

  it('handles the southern hemisphere, where summer time spans the new year', () => {
    expect(zonedLocalToIso('2025-01-10T12:00', 'America/Santiago')).toBe('2025-01-10T15:00:00.000Z');
    expect(zonedLocalToIso('2025-07-10T12:00', 'America/Santiago')).toBe('2025-07-10T16:00:00.000Z');
  });

  it('accepts seconds and refuses what is not a date and time', () => {
    expect(zonedLocalToIso('2025-06-21T18:00:30', 'UTC')).toBe('2025-06-21T18:00:30.000Z');
    expect(zonedLocalToIso('', 'UTC')).toBeNull();
    expect(zonedLocalToIso('2025-02-30T10:00', 'UTC')).toBeNull();
    expect(zonedLocalToIso('2025-06-21 25:00', 'UTC')).toBeNull();
    expect(zonedLocalToIso('tomorrow', 'UTC')).toBeNull();
  });
});

describe('isoToZonedLocal', () => {
  it('shows an instant as the wall clock in the zone', () => {
    expect(isoToZonedLocal('2025-06-21T17:00:00.000Z', 'Europe/London')).toBe('2025-06-21T18:00');
    expect(isoToZonedLocal('2025-06-21T17:00:00.000Z', 'America/Lima')).toBe('2025-06-21T12:00');
    expect(isoToZonedLocal('2025-12-31T23:30:00.000Z', 'Europe/Madrid')).toBe('2026-01-01T00:30');
  });

  it('shows both readings of the repeated hour distinctly', () => {
    expect(isoToZonedLocal('2025-10-26T00:30:00.000Z', 'Europe/London')).toBe('2025-10-26T01:30');
    expect(isoToZonedLocal('2025-10-26T01:30:00.000Z', 'Europe/London')).toBe('2025-10-26T01:30');
  });

  it('round-trips every quarter hour across a year', () => {
    for (const zone of ['Europe/London', 'America/Lima', 'Australia/Lord_Howe', 'America/Santiago']) {
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += 15 * 60_000 * 97) {
        const local = isoToZonedLocal(t, zone);
        const back = zonedLocalToIso(local, zone)!;
        expect(isoToZonedLocal(back, zone)).toBe(local);
      }
    }
  });
});
