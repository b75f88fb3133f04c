// The articles use cases against an in-memory repository (the real one is tested in packages/db and packages/api).
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import { sequentialIds } from '../shared/ids.js';
import type { ArticleRepository } from './ports.js';
import { changeArticleStatus, createArticle, publishIfDue, saveArticleEdits } from './service.js';
import type { Article } from './schema.js';

function memoryRepository() {
  const rows = new Map<string, Article>();
  const topics = new Map<string, string>();
  const repo: ArticleRepository = {
    findById: async (id) => rows.get(id) ?? null,
    slugExists: async (language, slug, exceptId) =>
      [...rows.values()].some((a) => a.language === language && a.slug === slug && a.id !== exceptId),
    insert: async (a) => void rows.set(a.id, a),
    update: async (a, expected) => {
      if (rows.get(a.id)?.version !== expected) throw new DomainError('STALE_VERSION', 'stale');
      rows.set(a.id, a);
    },
    setTranslation: async (id, translationId) => void rows.set(id, { ...rows.get(id)!, translationId }),
    ensureTopics: async (list) => list.forEach((t) => topics.has(t.slug) || topics.set(t.slug, t.name)),
  };
  return { repo, rows, topics };
}

const clock = fixedClock('2026-11-27T12:00:00.000Z');
const ports = (repo: ArticleRepository) => ({ articles: repo, clock, ids: sequentialIds('art') });

describe('article use cases', () => {
  it('creates drafts with free slugs and topics named on the fly', async () => {
    const { repo, topics } = memoryRepository();
    const p = ports(repo);
    const a = await createArticle(
      { language: 'es', title: 'Esterilización forzada', topics: ['Derechos humanos'] },
      'u1',
      p,
    );
    const b = await createArticle({ language: 'es', title: 'Esterilización forzada' }, 'u1', p);
    expect([a.slug, b.slug]).toEqual(['esterilizacion-forzada', 'esterilizacion-forzada-2']);
    expect(a.topics).toEqual(['derechos-humanos']);
    expect(topics.get('derechos-humanos')).toBe('Derechos humanos');
    await expect(
      createArticle({ language: 'es', title: 'X', slug: 'esterilizacion-forzada' }, 'u1', p),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'slug',
    });
  });

  it('links translations both ways and refuses one in the same language', async () => {
    const { repo, rows } = memoryRepository();
    const p = ports(repo);
    const en = await createArticle({ language: 'en', title: 'Forced sterilisation' }, null, p);
    const es = await createArticle(
      { language: 'es', title: 'Esterilización forzada', translationId: en.id },
      null,
      p,
    );
    expect(rows.get(en.id)?.translationId).toBe(es.id);
    await expect(
      createArticle({ language: 'en', title: 'Other', translationId: en.id }, null, p),
    ).rejects.toMatchObject({
      message: 'A translation must be in the other language',
    });
  });

  it('refuses edits and transitions based on a stale version', async () => {
    const { repo } = memoryRepository();
    const p = ports(repo);
    const a = await createArticle({ language: 'en', title: 'Shared' }, null, p);
    const { after } = await saveArticleEdits(a.id, 1, { language: 'en', title: 'Shared', body: 'first' }, p);
    expect(after.version).toBe(2);
    await expect(
      saveArticleEdits(a.id, 1, { language: 'en', title: 'Shared', body: 'second' }, p),
    ).rejects.toMatchObject({
      code: 'STALE_VERSION',
    });
    await expect(changeArticleStatus(a.id, 1, 'publish', undefined, p)).rejects.toMatchObject({
      code: 'STALE_VERSION',
    });
    expect((await changeArticleStatus(a.id, 2, 'publish', undefined, p)).status).toBe('published');
  });

  it('publishes a scheduled article only once its time has come', async () => {
    const { repo } = memoryRepository();
    const p = ports(repo);
    const a = await createArticle({ language: 'en', title: 'Later' }, null, p);
    await changeArticleStatus(a.id, 1, 'schedule', new Date('2026-11-27T13:00:00.000Z'), p);
    expect(await publishIfDue(a.id, p)).toBeNull();
    clock.set('2026-11-27T13:00:00.000Z');
    expect((await publishIfDue(a.id, p))?.status).toBe('published');
    expect(await publishIfDue(a.id, p)).toBeNull();
  });
});
