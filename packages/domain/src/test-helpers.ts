// Shared by the domain's tests only (excluded from the build).
import type { Article } from './articles/schema.js';
import type { TopicRepository } from './topics/ports.js';
import type { Topic } from './topics/schema.js';
import { DomainError } from './shared/errors.js';

/** Runs a function that must throw a DomainError. */
export function catchError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

/** A news article in English; each test says what it needs different. */
export function anArticle(overrides: Partial<Article> = {}): Article {
  return {
    id: 'art-1',
    kind: 'news',
    navOrder: null,
    language: 'en',
    slug: 'fire-exposes-forced-labour',
    title: 'Fire exposes forced labour',
    summary: '',
    body: '',
    topics: [],
    status: 'draft',
    publishedAt: null,
    scheduledFor: null,
    translationId: null,
    featuredImage: null,
    authorId: null,
    version: 1,
    createdAt: new Date('2026-04-01T10:00:00.000Z'),
    updatedAt: new Date('2026-04-01T10:00:00.000Z'),
    ...overrides,
  };
}

/** Topics in memory, for use cases that resolve typed topic names (articles, campaigns). */
export function memoryTopics(topics = new Map<string, Topic>()): TopicRepository {
  return {
    list: async () => [...topics.values()],
    insertMissing: async (list) => list.forEach((t) => topics.has(t.slug) || topics.set(t.slug, t)),
    rename: async () => null,
    usage: async () => new Map(),
    merge: async () => {},
    remove: async () => {},
  };
}
