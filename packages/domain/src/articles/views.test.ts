import { describe, expect, it } from 'vitest';
import type { Article } from './schema.js';
import { articleDetail } from './views.js';

const base: Article = {
  id: 'art-1',
  kind: 'news',
  navOrder: null,
  language: 'es',
  slug: 'defensoras-absueltas',
  title: 'Defensoras del agua absueltas',
  summary: '',
  body: '',
  topics: [],
  status: 'published',
  publishedAt: new Date('2026-05-01T09:00:00.000Z'),
  scheduledFor: null,
  translationId: 'art-2',
  featuredImage: null,
  authorId: null,
  version: 2,
  createdAt: new Date('2026-04-01T10:00:00.000Z'),
  updatedAt: new Date('2026-05-01T09:00:00.000Z'),
};

describe('articleDetail', () => {
  it('gives a published article its public address in its language, whatever the site URL ends with', () => {
    expect(articleDetail(base, null, 'https://andes.example/').publicUrl).toBe(
      'https://andes.example/es/news/defensoras-absueltas',
    );
    const page = { ...base, kind: 'page' as const, language: 'en' as const, slug: 'aims' };
    expect(articleDetail(page, null, 'https://andes.example').publicUrl).toBe('https://andes.example/aims');
  });

  it('has no public address while unpublished, and offers what its status allows', () => {
    const draft = articleDetail({ ...base, status: 'draft' }, null, 'https://andes.example');
    expect(draft.publicUrl).toBeNull();
    expect(draft.allowedActions).toContain('publish');
  });

  it('names the linked translation by id, title, language and slug only', () => {
    const en = {
      ...base,
      id: 'art-2',
      language: 'en' as const,
      slug: 'defenders-acquitted',
      title: 'Acquitted',
    };
    expect(articleDetail(base, en, 'https://andes.example').translation).toEqual({
      id: 'art-2',
      title: 'Acquitted',
      language: 'en',
      slug: 'defenders-acquitted',
    });
  });
});
