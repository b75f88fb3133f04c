import { describe, expect, it } from 'vitest';
import { formatDate, t, type Dictionary } from './i18n.js';

describe('formatDate', () => {
  it('writes the date in the page language', () => {
    expect(formatDate('2026-11-26T12:00:00.000Z', 'en', 'Europe/London')).toBe('26 November 2026');
    expect(formatDate('2026-11-26T12:00:00.000Z', 'es', 'Europe/London')).toBe('26 de noviembre de 2026');
  });

  it('uses the organisation time zone, not the server one', () => {
    expect(formatDate('2026-07-01T00:30:00.000Z', 'en', 'Europe/London')).toBe('1 July 2026');
    expect(formatDate('2026-07-01T00:30:00.000Z', 'en', 'America/Lima')).toBe('30 June 2026');
    expect(formatDate('2026-07-01T00:30:00.000Z', 'es', 'America/Lima')).toBe('30 de junio de 2026');
  });
});

describe('the Spanish texts', () => {
  // The Dictionary type already makes both languages have every key; what it cannot see is an English text
  // pasted into the Spanish dictionary. Texts that are the same word in both languages are listed here.
  const sameInBoth = new Set<keyof Dictionary>(['rssFeed', 'atomFeed', 'jsonFeed']); // "<title> (RSS)": names of formats
  const sample = (text: Dictionary[keyof Dictionary]): string =>
    typeof text === 'function' ? (text as (...args: unknown[]) => string)('Ayni', 2, 3) : text;

  it('are written in Spanish, not left in English', () => {
    const keys = Object.keys(t('en')) as (keyof Dictionary)[];
    const untranslated = keys.filter(
      (key) => !sameInBoth.has(key) && sample(t('es')[key]) === sample(t('en')[key]),
    );
    expect(untranslated).toEqual([]);
    expect(t('es').noResults('x')).toContain('No hay resultados');
  });
});
