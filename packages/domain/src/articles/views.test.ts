import { describe, expect, it } from 'vitest';
import { anArticle } from '../test-helpers.js';
import { articleDetail } from './views.js';

const base = anArticle({
  language: 'es',
  slug: 'defensoras-absueltas',
  title: 'Defensoras del agua absueltas',
  status: 'published',
  publishedAt: new Date('2026-05-01T09:00:00.000Z'),
  translationId: 'art-2',
});

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
