import { describe, expect, it } from 'vitest';
import { optionalSlugSchema, slugify, slugSchema, uniqueSlug } from './slug.js';

describe('slugify', () => {
  it.each([
    ['Esterilización forzada', 'esterilizacion-forzada'],
    ['¿Qué pasó en Puno?', 'que-paso-en-puno'],
    ['  Milk -- storm!! ', 'milk-storm'],
    ['Año nuevo en Ñuñoa', 'ano-nuevo-en-nunoa'],
    ['Straße & Œuvre', 'strasse-oeuvre'],
    ['2011 Mining Protest: 12 Leaders Charged', '2011-mining-protest-12-leaders-charged'],
    ['ＦＵＬＬ　ｗｉｄｔｈ', 'full-width'],
    ['Trabajo_forzoso/Lima', 'trabajo-forzoso-lima'],
    ['!!!', ''],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(slugify(text)).toBe(expected);
  });

  it('cuts long slugs at a hyphen, within 80 characters', () => {
    const title =
      'A very long title about the national plan against human trafficking and what it means for Puno';
    expect(slugify(title)).toBe(
      'a-very-long-title-about-the-national-plan-against-human-trafficking-and-what-it',
    );
    expect(slugify(title).length).toBe(79);
  });

  it('keeps a cut that falls exactly on a hyphen', () => {
    const title = `${'a'.repeat(80)} tail`;
    expect(slugify(title)).toBe('a'.repeat(80));
  });

  it('cuts a single long word at 80 characters', () => {
    expect(slugify('x'.repeat(100))).toBe('x'.repeat(80));
  });
});

describe('slugSchema', () => {
  it.each([
    ['news-item', true, undefined],
    ['a', true, undefined],
    ['', false, 'Slug is required'],
    ['News', false, 'Slug may contain only lower-case letters, digits and hyphens'],
    ['double--hyphen', false, 'Slug may contain only lower-case letters, digits and hyphens'],
    ['-leading', false, 'Slug may contain only lower-case letters, digits and hyphens'],
    ['trailing-', false, 'Slug may contain only lower-case letters, digits and hyphens'],
    ['año', false, 'Slug may contain only lower-case letters, digits and hyphens'],
    ['a'.repeat(81), false, 'Slug must be 80 characters or fewer'],
  ])('%j valid=%s', (slug, valid, message) => {
    const result = slugSchema.safeParse(slug);
    expect(result.success).toBe(valid);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it('treats an empty optional slug as absent', () => {
    expect(optionalSlugSchema.parse('')).toBeUndefined();
    expect(optionalSlugSchema.parse('  ')).toBeUndefined();
    expect(optionalSlugSchema.parse(undefined)).toBeUndefined();
    expect(optionalSlugSchema.parse(' aims ')).toBe('aims');
  });
});

describe('uniqueSlug', () => {
  it('returns the base when it is free', () => {
    expect(uniqueSlug('aims', new Set(['history']))).toBe('aims');
  });

  it('numbers from 2 upwards', () => {
    expect(uniqueSlug('aims', new Set(['aims']))).toBe('aims-2');
    expect(uniqueSlug('aims', new Set(['aims', 'aims-2', 'aims-3']))).toBe('aims-4');
  });

  it('accepts a predicate', () => {
    const taken = ['vigil', 'vigil-2'];
    expect(uniqueSlug('vigil', (s) => taken.includes(s))).toBe('vigil-3');
  });

  it('stays within 80 characters', () => {
    const base = `${'a'.repeat(40)}-${'b'.repeat(39)}`;
    expect(uniqueSlug(base, new Set([base]))).toBe(`${'a'.repeat(40)}-${'b'.repeat(37)}-2`);
  });
});
