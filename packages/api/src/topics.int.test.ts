// The Topics page's API with a real session, on SQLite and (with TEST_POSTGRES_URL) PostgreSQL: topics listed with
// what carries them, created (audited, a name already taken refused on its field), merged (every article keeps a
// topic, once), deleted only when unused.
import { fixedClock } from '@ayni/domain';
import { describe, expect, it } from 'vitest';
import { ownerApiForThisFile } from './testing/owner-api.js';

const clock = fixedClock('2026-11-27T12:00:00.000Z');
const { api } = ownerApiForThisFile(clock);

const article = (title: string, topics: string[]) =>
  api().articles.create({ kind: 'news', language: 'en', title, summary: '', body: 'Text', topics });

describe('topics in the admin API', () => {
  it('creates a topic before anything carries it, audited, and refuses a name another topic answers to', async () => {
    const created = await api().topics.create({ name: 'Land rights', nameEs: 'Derechos a la tierra' });
    expect(created).toEqual({ slug: 'land-rights', name: 'Land rights', nameEs: 'Derechos a la tierra' });
    expect((await api().topics.list()).find((t) => t.slug === 'land-rights')).toMatchObject({
      articles: 0,
      feeds: 0,
    });
    await expect(api().topics.create({ name: 'derechos a la TIERRA', nameEs: '' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'There is already a topic called “Land rights”.',
      cause: { field: 'name' },
    });
    const { entries } = await api().audit.list({ section: 'topics' });
    expect(entries[0]).toMatchObject({
      action: 'topic.create',
      summary: expect.stringContaining('Land rights'),
    });
  });

  it('merges one topic into another: each article keeps one of it, and the merged topic is gone', async () => {
    const both = await article('Both topics', ['Water', 'Agua dulce']);
    const onlyOld = await article('Old topic only', ['Agua dulce']);
    await article('New topic only', ['Water']);
    expect((await api().topics.list()).find((t) => t.slug === 'agua-dulce')).toMatchObject({ articles: 2 });

    const into = await api().topics.merge({ from: 'agua-dulce', into: 'water' });
    expect(into.slug).toBe('water');
    const topics = await api().topics.list();
    expect(topics.map((t) => t.slug)).not.toContain('agua-dulce');
    expect(topics.find((t) => t.slug === 'water')).toMatchObject({ articles: 3 });
    expect((await api().articles.get({ id: both.id })).topics).toEqual(['water']);
    expect((await api().articles.get({ id: onlyOld.id })).topics).toEqual(['water']);
    await expect(api().topics.merge({ from: 'water', into: 'water' })).rejects.toMatchObject({
      message: 'Choose another topic to merge into.',
      cause: { field: 'into' },
    });
  });

  it('deletes an unused topic, and refuses one still in use', async () => {
    await expect(api().topics.delete({ slug: 'water' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('merge it into another topic instead'),
    });
    await api().topics.delete({ slug: 'land-rights' });
    expect((await api().topics.list()).map((t) => t.slug)).not.toContain('land-rights');
    await expect(api().topics.delete({ slug: 'land-rights' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
