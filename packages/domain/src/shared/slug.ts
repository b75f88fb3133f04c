// Slugs are the readable part of every public URL; they must be stable, ASCII and unique per language.
import { z } from 'zod';

export const SLUG_MAX_LENGTH = 80;

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Letters that NFKD does not decompose into a base letter plus a combining mark.
const LETTER_REPLACEMENTS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  ð: 'd',
};

/** Turns any title into a URL slug: "¿Qué pasó en Puno?" → "que-paso-en-puno". May return '' for text with no letters or digits. */
export function slugify(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ñ/g, 'n')
    .replace(/[ßæœøđłþð]/g, (ch) => LETTER_REPLACEMENTS[ch] ?? '');
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return truncateSlug(slug, SLUG_MAX_LENGTH);
}

/** Cuts a slug to at most `max` characters, at a hyphen when there is one to cut at. */
function truncateSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  if (slug[max] === '-') return cut.replace(/-+$/, '');
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

export const slugSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'Slug is required' : 'Slug must be text') })
  .trim()
  .min(1, { error: 'Slug is required' })
  .max(SLUG_MAX_LENGTH, { error: `Slug must be ${SLUG_MAX_LENGTH} characters or fewer` })
  .regex(SLUG_PATTERN, { error: 'Slug may contain only lower-case letters, digits and hyphens' });

/** An optional slug as submitted by a form: an empty field means "generate one from the title". */
export const optionalSlugSchema = z
  .string({ error: 'Slug must be text' })
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(slugSchema.optional());

export function isValidSlug(value: string): boolean {
  return SLUG_PATTERN.test(value) && value.length <= SLUG_MAX_LENGTH;
}

/** Returns `base` if it is free, else the first free of base-2, base-3, … (kept within the length limit). */
export function uniqueSlug(base: string, taken: ReadonlySet<string> | ((s: string) => boolean)): string {
  const isTaken = typeof taken === 'function' ? taken : (s: string) => taken.has(s);
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}
