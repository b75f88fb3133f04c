import { describe, expect, it } from 'vitest';
import { fixedClock, systemClock } from './clock.js';
import { sequentialIds } from './ids.js';

describe('fixedClock', () => {
  it('returns the time it was set to, and can be moved', () => {
    const clock = fixedClock('2026-06-21T17:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-06-21T17:00:00.000Z');
    clock.advance(90 * 60 * 1000);
    expect(clock.now().toISOString()).toBe('2026-06-21T18:30:00.000Z');
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('hands out copies, so callers cannot move it by mutating a date', () => {
    const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
    clock.now().setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses an invalid date', () => {
    expect(() => fixedClock('not a date')).toThrow('Not a valid date: not a date');
  });
});

describe('systemClock', () => {
  it('returns a Date', () => {
    expect(systemClock.now()).toBeInstanceOf(Date);
  });
});

describe('sequentialIds', () => {
  it('counts ids and tokens separately', () => {
    const ids = sequentialIds();
    expect([ids.id(), ids.id(), ids.token(), ids.id(), ids.token()]).toEqual([
      'id-1',
      'id-2',
      'id-token-1',
      'id-3',
      'id-token-2',
    ]);
  });

  it('uses the given prefix', () => {
    const ids = sequentialIds('sig');
    expect([ids.id(), ids.token()]).toEqual(['sig-1', 'sig-token-1']);
  });
});
