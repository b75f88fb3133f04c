import { describe, expect, it } from 'vitest';
import { formatNewsDate } from './format.js';

describe('formatNewsDate', () => {
  it('formats in the organisation time zone, not the server one', () => {
    expect(formatNewsDate('2026-07-01T00:30:00.000Z', 'Europe/London')).toBe('1 July 2026');
    expect(formatNewsDate('2026-07-01T00:30:00.000Z', 'America/Lima')).toBe('30 June 2026');
  });
});
