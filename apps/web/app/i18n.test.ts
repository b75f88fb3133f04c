import { describe, expect, it } from 'vitest';
import { formatDate, languageFromPath, localePath, t } from './i18n.js';

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

describe('language and paths', () => {
  it('takes the language from the /es prefix only', () => {
    expect(languageFromPath('/es')).toBe('es');
    expect(languageFromPath('/es/news/x')).toBe('es');
    expect(languageFromPath('/espana')).toBe('en');
    expect(languageFromPath('/news')).toBe('en');
  });

  it('prefixes Spanish paths', () => {
    expect(localePath('es', '/')).toBe('/es');
    expect(localePath('es', '/news?page=2')).toBe('/es/news?page=2');
    expect(localePath('en', '/news')).toBe('/news');
  });

  it('has every string in both languages', () => {
    expect(Object.keys(t('es')).sort()).toEqual(Object.keys(t('en')).sort());
    expect(t('es').noResults('x')).toContain('No hay resultados');
  });
});
