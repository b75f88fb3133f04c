import { describe, expect, it } from 'vitest';
import { anArticle } from '../test-helpers.js';
import type { Article } from './schema.js';
import { articleVisibility, misplacedArticlePath, visibleTranslation } from './visibility.js';

function article(overrides: Partial<Article> = {}): Article {
  return anArticle({
    slug: 'water-defenders-acquitted',
    title: 'Water defenders acquitted',
    status: 'published',
    publishedAt: new Date('2026-05-01T09:00:00.000Z'),
    version: 2,
    updatedAt: new Date('2026-05-01T09:00:00.000Z'),
    ...overrides,
  });
}

const found = (a: Article, redirected = false) => ({ article: a, redirected });

describe('articleVisibility', () => {
  it('shows a published article of the kind asked for', () => {
    const a = article();
    expect(articleVisibility(found(a), 'news')).toEqual({ show: 'article', article: a });
  });

  it('is not found when unknown, of the other kind, a draft or scheduled', () => {
    expect(articleVisibility(null, 'news')).toEqual({ show: 'not-found' });
    expect(articleVisibility(found(article({ kind: 'page' })), 'news')).toEqual({ show: 'not-found' });
    expect(articleVisibility(found(article()), 'page')).toEqual({ show: 'not-found' });
    expect(articleVisibility(found(article({ status: 'draft' })), 'news')).toEqual({ show: 'not-found' });
    expect(articleVisibility(found(article({ status: 'scheduled' })), 'news')).toEqual({ show: 'not-found' });
  });

  it('is gone when archived, even by an old slug', () => {
    expect(articleVisibility(found(article({ status: 'archived' })), 'news')).toEqual({ show: 'gone' });
    expect(articleVisibility(found(article({ status: 'archived' }), true), 'news')).toEqual({ show: 'gone' });
  });

  it('moves an old slug to the current address, in the article language', () => {
    expect(articleVisibility(found(article({ language: 'es', slug: 'agua' }), true), 'news')).toEqual({
      show: 'moved',
      location: '/es/news/agua',
    });
    expect(articleVisibility(found(article({ kind: 'page', slug: 'aims' }), true), 'page')).toEqual({
      show: 'moved',
      location: '/aims',
    });
  });

  it('does not move an unpublished article found by an old slug', () => {
    expect(articleVisibility(found(article({ status: 'draft' }), true), 'news')).toEqual({
      show: 'not-found',
    });
  });
});

describe('visibleTranslation', () => {
  const en = article({ id: 'en-1', translationId: 'es-1' });
  const es = article({ id: 'es-1', language: 'es', slug: 'agua', translationId: 'en-1' });

  it('links a published translation of the same kind', () => {
    expect(visibleTranslation(en, es)).toBe(es);
  });

  it('hides a missing, unpublished or other-kind translation', () => {
    expect(visibleTranslation(en, null)).toBeNull();
    expect(visibleTranslation(en, { ...es, status: 'draft' })).toBeNull();
    expect(visibleTranslation(en, { ...es, status: 'archived' })).toBeNull();
    expect(visibleTranslation(en, { ...es, kind: 'page' })).toBeNull();
  });

  it('hides an article that is not the linked one, or in the same language', () => {
    expect(visibleTranslation(en, { ...es, id: 'es-2' })).toBeNull();
    expect(visibleTranslation(en, { ...es, language: 'en' })).toBeNull();
  });
});

describe('misplacedArticlePath', () => {
  const es = article({ id: 'es-1', language: 'es', slug: 'agua' });

  it('sends an English address naming a published Spanish article to its Spanish address', () => {
    expect(misplacedArticlePath({ language: 'en', kind: 'news' }, null, found(es))).toBe('/es/news/agua');
    const page = article({ kind: 'page', language: 'es', slug: 'objetivos' });
    expect(misplacedArticlePath({ language: 'en', kind: 'page' }, null, found(page))).toBe('/es/objetivos');
  });

  it('goes to the current slug when the Spanish one was an old slug', () => {
    expect(misplacedArticlePath({ language: 'en', kind: 'news' }, null, found(es, true))).toBe(
      '/es/news/agua',
    );
  });

  it('leaves the address alone when an English article has the slug, in any state', () => {
    const draft = found(article({ slug: 'agua', status: 'draft' }));
    expect(misplacedArticlePath({ language: 'en', kind: 'news' }, draft, found(es))).toBeNull();
  });

  it('leaves it alone when the Spanish article is unpublished or of the other kind', () => {
    expect(
      misplacedArticlePath({ language: 'en', kind: 'news' }, null, found({ ...es, status: 'draft' })),
    ).toBeNull();
    expect(misplacedArticlePath({ language: 'en', kind: 'page' }, null, found(es))).toBeNull();
    expect(misplacedArticlePath({ language: 'en', kind: 'news' }, null, null)).toBeNull();
  });

  it('never sends a Spanish address to English content', () => {
    const en = found(article({ slug: 'agua' }));
    expect(misplacedArticlePath({ language: 'es', kind: 'news' }, null, en)).toBeNull();
  });
});
