// The articles use cases against in-memory ports (the real ones are tested in packages/db and packages/api).
import { describe, expect, it } from 'vitest';
import { memoryTopics } from '../test-helpers.js';
import { fixedClock } from '../shared/clock.js';
import { defaultSettings } from '../settings/schema.js';
import { DomainError } from '../shared/errors.js';
import { sequentialIds } from '../shared/ids.js';
import type { Topic } from '../topics/schema.js';
import type { ArticleRepository } from './ports.js';
import { articleEditSchema, type Article, type ArticleEditInput } from './schema.js';
import { changeArticleStatus, createArticle, publishIfDue, saveArticleEdits } from './service.js';

function memoryRepository() {
  const rows = new Map<string, Article>();
  const topics = new Map<string, Topic>();
  const slugTaken = (a: Article) =>
    [...rows.values()].some((o) => o.language === a.language && o.slug === a.slug && o.id !== a.id);
  const conflict = (a: Article) =>
    new DomainError('CONFLICT', `Another ${a.language} article already uses the slug "${a.slug}"`, {
      field: 'slug',
    });
  const repo: ArticleRepository = {
    findById: async (id) => rows.get(id) ?? null,
    slugsLike: async (language, base) =>
      new Set(
        [...rows.values()]
          .filter((a) => a.language === language && (a.slug === base || a.slug.startsWith(`${base}-`)))
          .map((a) => a.slug),
      ),
    insert: async (a) => {
      if (slugTaken(a)) throw conflict(a);
      rows.set(a.id, a);
    },
    update: async (a, expected) => {
      if (rows.get(a.id)?.version !== expected) throw new DomainError('STALE_VERSION', 'stale');
      if (slugTaken(a)) throw conflict(a);
      rows.set(a.id, a);
    },
    setTranslation: async (id, translationId) => void rows.set(id, { ...rows.get(id)!, translationId }),
  };
  const topicRepo = memoryTopics(topics);
  return { repo, topicRepo, rows, topics };
}

const clock = fixedClock('2026-11-27T12:00:00.000Z');
const edit = (input: ArticleEditInput) => articleEditSchema.parse(input);

function setUp(timeZone = 'Europe/London') {
  const memory = memoryRepository();
  const ports = {
    articles: memory.repo,
    topics: memory.topicRepo,
    settings: { get: async () => ({ ...defaultSettings, timeZone }) },
    clock,
    ids: sequentialIds('art'),
  };
  const create = async (input: ArticleEditInput, authorId: string | null = null) =>
    (await createArticle(ports, { edit: edit(input), authorId })).result;
  return { ...memory, ports, create };
}

describe('article use cases', () => {
  it('creates drafts with free slugs and topics named on the fly', async () => {
    const { create, topics } = setUp();
    const a = await create(
      { language: 'es', title: 'Esterilización forzada', topics: ['Derechos humanos'] },
      'u1',
    );
    const b = await create({ language: 'es', title: 'Esterilización forzada' }, 'u1');
    expect([a.slug, b.slug]).toEqual(['esterilizacion-forzada', 'esterilizacion-forzada-2']);
    expect(a.topics).toEqual(['derechos-humanos']);
    expect(topics.get('derechos-humanos')?.name).toBe('Derechos humanos');
    await expect(
      create({ language: 'es', title: 'X', slug: 'esterilizacion-forzada' }, 'u1'),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'slug',
    });
  });

  it('finds an existing topic typed with a curly apostrophe instead of making a second one', async () => {
    const { create, topics } = setUp();
    await create({ language: 'en', title: 'One', topics: ["Women's rights"] });
    const b = await create({ language: 'en', title: 'Two', topics: ['Women’s Rights'] });
    expect(b.topics).toEqual(['women-s-rights']);
    expect([...topics.keys()]).toEqual(['women-s-rights']);
  });

  it('says what it did for the audit log, and touches the site only once something is published', async () => {
    const { ports, create } = setUp();
    const draft = await createArticle(ports, {
      edit: edit({ language: 'en', title: 'Aims', kind: 'page' }),
      authorId: null,
    });
    expect(draft.audit).toEqual({
      action: 'article.create',
      resourceType: 'article',
      resourceId: draft.result.id,
      summary: 'Created the English page “Aims”',
    });
    expect(draft.touches).toEqual([]);
    const published = await changeArticleStatus(ports, {
      id: draft.result.id,
      expectedVersion: 1,
      action: 'publish',
    });
    expect([published.audit?.summary, published.touches]).toEqual(['Published “Aims”', ['pages']]);
    const news = await create({ language: 'en', title: 'Update' });
    const edited = await saveArticleEdits(ports, {
      id: news.id,
      expectedVersion: 1,
      edit: edit({ language: 'en', title: 'Update, edited' }),
    });
    expect([edited.audit?.summary, edited.touches]).toEqual(['Edited “Update, edited” (title)', []]);
    const spanish = await createArticle(ports, {
      edit: edit({ language: 'es', title: 'Informe' }),
      authorId: null,
    });
    expect(spanish.audit?.summary).toBe('Created the Spanish news item “Informe”');
  });

  it.each([
    // British Summer Time: 09:00 UTC is 10:00 on the office clock.
    ['Europe/London', '2027-07-08T09:00:00.000Z', 'Scheduled “Vigil report” for 8 Jul 2027, 10:00'],
    ['Europe/London', '2027-03-08T09:00:00.000Z', 'Scheduled “Vigil report” for 8 Mar 2027, 09:00'],
    ['America/Lima', '2027-07-08T09:00:00.000Z', 'Scheduled “Vigil report” for 8 Jul 2027, 04:00'],
  ])(
    'says when a scheduled article will be published in the organisation’s zone (%s, %s)',
    async (zone, at, summary) => {
      const { ports, create } = setUp(zone);
      const a = await create({ language: 'en', title: 'Vigil report' });
      const scheduled = await changeArticleStatus(ports, {
        id: a.id,
        expectedVersion: 1,
        action: 'schedule',
        at: new Date(at),
      });
      expect(scheduled.audit?.summary).toBe(summary);
    },
  );

  it('links translations both ways and refuses one in the same language', async () => {
    const { create, rows } = setUp();
    const en = await create({ language: 'en', title: 'Forced sterilisation' });
    const es = await create({ language: 'es', title: 'Esterilización forzada', translationId: en.id });
    expect(rows.get(en.id)?.translationId).toBe(es.id);
    await expect(create({ language: 'en', title: 'Other', translationId: en.id })).rejects.toMatchObject({
      message: 'A translation must be in the other language',
    });
  });

  it('refuses edits and transitions based on a stale version', async () => {
    const { ports, create } = setUp();
    const a = await create({ language: 'en', title: 'Shared' });
    const save = (expectedVersion: number, body: string) =>
      saveArticleEdits(ports, {
        id: a.id,
        expectedVersion,
        edit: edit({ language: 'en', title: 'Shared', body }),
      });
    const { after } = (await save(1, 'first')).result;
    expect(after.version).toBe(2);
    await expect(save(1, 'second')).rejects.toMatchObject({
      code: 'STALE_VERSION',
    });
    await expect(
      changeArticleStatus(ports, { id: a.id, expectedVersion: 1, action: 'publish' }),
    ).rejects.toMatchObject({
      code: 'STALE_VERSION',
    });
    expect(
      (await changeArticleStatus(ports, { id: a.id, expectedVersion: 2, action: 'publish' })).result.status,
    ).toBe('published');
  });

  it('publishes a scheduled article only once its time has come, saying for when in the organisation’s zone', async () => {
    const { ports, create } = setUp('America/Lima');
    const a = await create({ language: 'en', title: 'Later' });
    await changeArticleStatus(ports, {
      id: a.id,
      expectedVersion: 1,
      action: 'schedule',
      at: new Date('2026-11-27T13:00:00.000Z'),
    });
    expect((await publishIfDue(ports, { id: a.id })).result).toBeNull();
    clock.set('2026-11-27T13:00:00.000Z');
    const due = await publishIfDue(ports, { id: a.id });
    expect([due.result?.status, due.touches]).toEqual(['published', ['news']]);
    expect(due.audit?.summary).toBe('Published “Later” as scheduled for 27 Nov 2026, 08:00');
    expect((await publishIfDue(ports, { id: a.id })).result).toBeNull();
  });
});
