import { describe, expect, it } from 'vitest';
import { articleInputSchema, articleSchema, RESERVED_SLUGS } from './schema.js';

describe('articleInputSchema', () => {
  it('fills defaults', () => {
    expect(articleInputSchema.parse({ language: 'en', title: '  Aims  ' })).toEqual({
      kind: 'news',
      language: 'en',
      title: 'Aims',
      summary: '',
      body: '',
      topics: [],
    });
  });

  it('slugifies and de-duplicates topics, dropping empty ones', () => {
    const parsed = articleInputSchema.parse({
      language: 'en',
      title: 't',
      topics: ['Human Rights', 'human-rights ', 'Minería', '???'],
    });
    expect(parsed.topics).toEqual(['human-rights', 'mineria']);
  });

  it('treats an empty slug as absent', () => {
    expect(articleInputSchema.parse({ language: 'en', title: 't', slug: '' }).slug).toBeUndefined();
  });

  it('keeps the body exactly as written', () => {
    expect(articleInputSchema.parse({ language: 'en', title: 't', body: '  indented\n' }).body).toBe(
      '  indented\n',
    );
  });

  it.each([
    [{ language: 'en' }, ['title'], 'Title is required'],
    [{ language: 'en', title: '   ' }, ['title'], 'Title is required'],
    [{ language: 'en', title: 'x'.repeat(201) }, ['title'], 'Title must be 200 characters or fewer'],
    [
      { language: 'en', title: 't', summary: 'x'.repeat(501) },
      ['summary'],
      'Summary must be 500 characters or fewer',
    ],
    [
      { language: 'en', title: 't', body: 'x'.repeat(200_001) },
      ['body'],
      'Body must be 200000 characters or fewer',
    ],
    [{ language: 'fr', title: 't' }, ['language'], 'Language must be English (en) or Spanish (es)'],
    [
      { language: 'en', title: 't', slug: 'Our Aims' },
      ['slug'],
      'Slug may contain only lower-case letters, digits and hyphens',
    ],
    [{ language: 'en', title: 't', kind: 'post' }, ['kind'], 'Kind must be news or page'],
    [{ language: 'en', title: 't', navOrder: 1.5 }, ['navOrder'], 'Navigation order must be a whole number'],
  ])('%# reports %j: %s', (input, path, message) => {
    const issue = articleInputSchema.safeParse(input).error?.issues[0];
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toBe(message);
  });
});

describe('articleSchema', () => {
  it('accepts a stored article and rejects version 0', () => {
    const stored = {
      id: 'a1',
      kind: 'page',
      navOrder: 1,
      language: 'es',
      slug: 'objetivos',
      title: 'Objetivos',
      summary: '',
      body: '# Objetivos',
      topics: [],
      status: 'published',
      publishedAt: new Date('2026-01-01T00:00:00Z'),
      scheduledFor: null,
      translationId: 'a0',
      featuredImage: null,
      authorId: null,
      version: 1,
      createdAt: new Date('2026-01-01T00:00:00Z'),
      updatedAt: new Date('2026-01-01T00:00:00Z'),
    };
    expect(articleSchema.parse(stored)).toEqual(stored);
    expect(articleSchema.safeParse({ ...stored, version: 0 }).success).toBe(false);
  });
});

describe('RESERVED_SLUGS', () => {
  it('holds the site routes', () => {
    for (const slug of [
      'news',
      'topics',
      'feed.xml',
      'sitemap.xml',
      'robots.txt',
      'healthz',
      'tags',
      'join',
      'unsubscribe',
    ]) {
      expect(RESERVED_SLUGS.has(slug)).toBe(true);
    }
  });

  it('holds the sections in Spanish, which redirect to their English names under /es', () => {
    for (const slug of [
      'noticias',
      'temas',
      'contrapartes',
      'buscar',
      'campanas',
      'campañas',
      'eventos',
      'baja',
    ]) {
      expect(RESERVED_SLUGS.has(slug)).toBe(true);
    }
  });

  it('keeps "socios" (members, in Spanish) from pages, though it names no section yet', () => {
    expect(RESERVED_SLUGS.has('socios')).toBe(true);
  });

  it('leaves the demo content its page slugs', () => {
    for (const slug of ['aims', 'join-us', 'objetivos', 'unete'])
      expect(RESERVED_SLUGS.has(slug)).toBe(false);
  });
});
