import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.js';
import { sequentialIds } from '../shared/ids.js';
import {
  allowedActions,
  articleSlugFor,
  assertSlugAllowed,
  editArticle,
  isDueForPublishing,
  newArticle,
  transitionArticle,
  type ArticleAction,
} from './rules.js';
import { articleInputSchema, type Article, type ArticleStatus } from './schema.js';
import { anArticle, catchError } from '../test-helpers.js';

const NOW = '2026-06-01T12:00:00.000Z';
const LATER = new Date('2026-06-02T08:00:00.000Z');
const EARLIER_PUBLISHED = new Date('2026-05-01T09:00:00.000Z');

function article(overrides: Partial<Article> = {}): Article {
  return anArticle({ topics: ['labour-rights'], authorId: 'user-1', version: 3, ...overrides });
}

/** An article as it would be stored in each status. */
function inStatus(status: ArticleStatus): Article {
  switch (status) {
    case 'draft':
      return article();
    case 'scheduled':
      return article({ status, scheduledFor: new Date('2026-06-05T08:00:00.000Z') });
    case 'published':
    case 'archived':
      return article({ status, publishedAt: EARLIER_PUBLISHED });
  }
}

type Expected =
  | { status: ArticleStatus; publishedAt: Date | null; scheduledFor: Date | null }
  | { error: 'INVALID_TRANSITION'; message: string };

const now = new Date(NOW);
const TABLE: [ArticleStatus, ArticleAction, Expected][] = [
  ['draft', 'publish', { status: 'published', publishedAt: now, scheduledFor: null }],
  ['draft', 'schedule', { status: 'scheduled', publishedAt: null, scheduledFor: LATER }],
  ['draft', 'unschedule', { error: 'INVALID_TRANSITION', message: 'Cannot unschedule a draft article' }],
  ['draft', 'unpublish', { error: 'INVALID_TRANSITION', message: 'Cannot unpublish a draft article' }],
  ['draft', 'archive', { status: 'archived', publishedAt: null, scheduledFor: null }],
  ['draft', 'restore', { error: 'INVALID_TRANSITION', message: 'Cannot restore a draft article' }],
  ['scheduled', 'publish', { status: 'published', publishedAt: now, scheduledFor: null }],
  ['scheduled', 'schedule', { error: 'INVALID_TRANSITION', message: 'Cannot schedule a scheduled article' }],
  ['scheduled', 'unschedule', { status: 'draft', publishedAt: null, scheduledFor: null }],
  [
    'scheduled',
    'unpublish',
    { error: 'INVALID_TRANSITION', message: 'Cannot unpublish a scheduled article' },
  ],
  ['scheduled', 'archive', { error: 'INVALID_TRANSITION', message: 'Cannot archive a scheduled article' }],
  ['scheduled', 'restore', { error: 'INVALID_TRANSITION', message: 'Cannot restore a scheduled article' }],
  ['published', 'publish', { error: 'INVALID_TRANSITION', message: 'Cannot publish a published article' }],
  ['published', 'schedule', { error: 'INVALID_TRANSITION', message: 'Cannot schedule a published article' }],
  [
    'published',
    'unschedule',
    { error: 'INVALID_TRANSITION', message: 'Cannot unschedule a published article' },
  ],
  ['published', 'unpublish', { status: 'draft', publishedAt: null, scheduledFor: null }],
  ['published', 'archive', { status: 'archived', publishedAt: EARLIER_PUBLISHED, scheduledFor: null }],
  ['published', 'restore', { error: 'INVALID_TRANSITION', message: 'Cannot restore a published article' }],
  ['archived', 'publish', { error: 'INVALID_TRANSITION', message: 'Cannot publish an archived article' }],
  ['archived', 'schedule', { error: 'INVALID_TRANSITION', message: 'Cannot schedule an archived article' }],
  [
    'archived',
    'unschedule',
    { error: 'INVALID_TRANSITION', message: 'Cannot unschedule an archived article' },
  ],
  ['archived', 'unpublish', { error: 'INVALID_TRANSITION', message: 'Cannot unpublish an archived article' }],
  ['archived', 'archive', { error: 'INVALID_TRANSITION', message: 'Cannot archive an archived article' }],
  ['archived', 'restore', { status: 'draft', publishedAt: null, scheduledFor: null }],
];

describe('transitionArticle', () => {
  it.each(TABLE)('%s + %s', (status, action, expected) => {
    const before = inStatus(status);
    const run = () => transitionArticle(before, action, fixedClock(NOW), { at: LATER });
    if ('error' in expected) {
      const error = catchError(run);
      expect(error.code).toBe(expected.error);
      expect(error.message).toBe(expected.message);
      return;
    }
    expect(run()).toEqual({
      ...before,
      status: expected.status,
      publishedAt: expected.publishedAt,
      scheduledFor: expected.scheduledFor,
      version: 4,
      updatedAt: now,
    });
  });

  it('covers every status × action', () => {
    expect(TABLE.length).toBe(4 * 6);
  });

  it('does not change the article it was given', () => {
    const before = inStatus('draft');
    transitionArticle(before, 'publish', fixedClock(NOW));
    expect(before.status).toBe('draft');
    expect(before.version).toBe(3);
  });

  it.each([
    [undefined, 'Choose when this article should be published'],
    [new Date(NOW), 'The publication time must be in the future'],
    [new Date('2026-06-01T11:59:59.999Z'), 'The publication time must be in the future'],
  ])('refuses to schedule at %s', (at, message) => {
    const error = catchError(() =>
      transitionArticle(inStatus('draft'), 'schedule', fixedClock(NOW), at ? { at } : {}),
    );
    expect([error.code, error.field, error.message]).toEqual(['VALIDATION', 'scheduledFor', message]);
  });

  it('schedules one millisecond ahead', () => {
    const at = new Date('2026-06-01T12:00:00.001Z');
    expect(transitionArticle(inStatus('draft'), 'schedule', fixedClock(NOW), { at }).scheduledFor).toEqual(
      at,
    );
  });
});

describe('allowedActions', () => {
  it.each([
    ['draft', ['publish', 'schedule', 'archive']],
    ['scheduled', ['publish', 'unschedule']],
    ['published', ['unpublish', 'archive']],
    ['archived', ['restore']],
  ] as const)('%s → %j', (status, actions) => {
    expect(allowedActions(status)).toEqual(actions);
  });
});

describe('assertSlugAllowed', () => {
  it.each(['aims', 'historical-overview', 'news-2026'])('accepts %j', (slug) => {
    expect(assertSlugAllowed(slug)).toBeUndefined();
  });

  it.each([
    ['news', 'The slug "news" is used by the site itself; choose another one'],
    ['admin', 'The slug "admin" is used by the site itself; choose another one'],
    ['feed.xml', 'Slug may contain only lower-case letters, digits and hyphens'],
    ['Aims', 'Slug may contain only lower-case letters, digits and hyphens'],
    ['', 'Slug is required'],
    [' aims', 'Slug may not start or end with spaces'],
  ])('refuses %j', (slug, message) => {
    const error = catchError(() => assertSlugAllowed(slug));
    expect([error.code, error.field, error.message]).toEqual(['VALIDATION', 'slug', message]);
  });
});

describe('articleSlugFor', () => {
  it.each([
    [{ slug: 'aims', title: 'Our aims' }, 'aims'],
    [{ title: '¿Qué pasó en Puno?' }, 'que-paso-en-puno'],
    [{ slug: undefined, title: 'Milk labelling' }, 'milk-labelling'],
    [{ title: '¡¿?!' }, 'untitled'],
  ])('%j → %j', (input, expected) => {
    expect(articleSlugFor(input)).toBe(expected);
  });
});

describe('isDueForPublishing', () => {
  const at = new Date('2026-06-05T08:00:00.000Z');
  it.each([
    ['scheduled', at, '2026-06-05T07:59:59.999Z', false],
    ['scheduled', at, '2026-06-05T08:00:00.000Z', true],
    ['scheduled', at, '2026-06-06T00:00:00.000Z', true],
    ['draft', at, '2026-06-06T00:00:00.000Z', false],
    ['scheduled', null, '2026-06-06T00:00:00.000Z', false],
  ] as const)('%s for %s at %s → %s', (status, scheduledFor, nowIso, expected) => {
    expect(isDueForPublishing({ status, scheduledFor }, new Date(nowIso))).toBe(expected);
  });
});

describe('newArticle / editArticle', () => {
  const clock = fixedClock(NOW);

  it('creates a draft at version 1 with a slug from the title', () => {
    const input = articleInputSchema.parse({
      language: 'es',
      title: 'Esterilización forzada',
      topics: ['Derechos Humanos'],
    });
    expect(newArticle(input, { clock, ids: sequentialIds('art'), authorId: 'user-7' })).toEqual({
      id: 'art-1',
      kind: 'news',
      navOrder: null,
      language: 'es',
      slug: 'esterilizacion-forzada',
      title: 'Esterilización forzada',
      summary: '',
      body: '',
      topics: ['derechos-humanos'],
      status: 'draft',
      publishedAt: null,
      scheduledFor: null,
      translationId: null,
      featuredImage: null,
      authorId: 'user-7',
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
  });

  it('uses a slug made unique by the caller', () => {
    const input = articleInputSchema.parse({ language: 'en', title: 'Aims' });
    expect(newArticle(input, { clock, ids: sequentialIds(), slug: 'aims-2' }).slug).toBe('aims-2');
  });

  it('refuses a reserved slug made from the title', () => {
    const input = articleInputSchema.parse({ language: 'en', kind: 'page', title: 'Events' });
    const error = catchError(() => newArticle(input, { clock, ids: sequentialIds() }));
    expect([error.code, error.field]).toEqual(['VALIDATION', 'slug']);
  });

  it('keeps the slug and status when editing, and bumps the version', () => {
    const before = inStatus('published');
    const input = articleInputSchema.parse({
      language: 'en',
      title: 'Fire exposes forced labour in Lima',
      body: 'New text',
    });
    expect(editArticle(before, input, clock)).toEqual({
      ...before,
      title: 'Fire exposes forced labour in Lima',
      body: 'New text',
      topics: [],
      version: 4,
      updatedAt: now,
    });
  });
});
