import { describe, expect, it } from 'vitest';
import { isLanguage, languageSchema, otherLanguage } from './language.js';

describe('languages', () => {
  it('pairs English and Spanish', () => {
    expect(otherLanguage('en')).toBe('es');
    expect(otherLanguage('es')).toBe('en');
  });

  it.each([
    ['en', true],
    ['es', true],
    ['fr', false],
    ['EN', false],
    [1, false],
  ])('isLanguage(%j) → %s', (value, expected) => {
    expect(isLanguage(value)).toBe(expected);
  });

  it('explains a wrong language', () => {
    const result = languageSchema.safeParse('fr');
    expect(result.error?.issues[0]?.message).toBe('Language must be English (en) or Spanish (es)');
  });
});
