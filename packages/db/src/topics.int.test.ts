// Topic names in both languages, the Spanish static pages of the demo, and the search-text backfill of migration
// 0008 — on SQLite and PostgreSQL.
import { fixedClock, renameTopic as nameTopic } from '@ayni/domain';
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from './ids.js';
import { migrations } from './migrations/index.js';
import { listNavigationPages, searchPublished } from './repositories/articles.js';
import { findTopic, listTopics, renameTopic, topicRepository } from './repositories/topics.js';
import { nobody, runUnitOfWork } from './unit-of-work.js';
import { contentVersion } from './repositories/settings.js';
import { seedDemo } from './seed.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db, { clock: fixedClock('2026-11-27T12:00:00.000Z'), ids: randomIds });
});
afterAll(async () => {
  await t?.cleanup();
});

describe('topics in two languages', () => {
  it('gives the Spanish name on Spanish pages, and the English one otherwise', async () => {
    expect(await findTopic(t.db, 'mining', 'es')).toEqual({ slug: 'mining', name: 'Minería' });
    expect(await findTopic(t.db, 'mining', 'en')).toEqual({ slug: 'mining', name: 'Mining' });
    expect(await findTopic(t.db, 'nope', 'es')).toBeNull();
  });

  it('falls back to the English name until a Spanish one is given, and renaming changes the site', async () => {
    const before = await contentVersion(t.db);
    // Through the use case in its unit of work, as the admin does: that is what marks the site changed.
    await runUnitOfWork(t.db, { clock: fixedClock('2026-12-01T10:00:00Z'), actor: nobody }, (trx) =>
      nameTopic({ topics: topicRepository(trx) }, { slug: 'health', name: 'Health', nameEs: null }),
    );
    expect(await findTopic(t.db, 'health', 'es')).toEqual({ slug: 'health', name: 'Health' });
    expect(await contentVersion(t.db)).not.toBe(before);
    await renameTopic(t.db, 'health', { name: 'Public health', nameEs: 'Salud pública' });
    expect(await findTopic(t.db, 'health', 'es')).toEqual({ slug: 'health', name: 'Salud pública' });
    expect((await listTopics(t.db)).find((x) => x.slug === 'health')).toEqual({
      slug: 'health',
      name: 'Public health',
      nameEs: 'Salud pública',
    });
    await expect(renameTopic(t.db, 'nope', { name: 'X', nameEs: null })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('merging topics', () => {
  it('moves a campaign’s topics too: merging never leaves a campaign without the topic it had', async () => {
    const campaign = await t.db.selectFrom('campaigns').select('id').executeTakeFirstOrThrow();
    await t.db
      .insertInto('topics')
      .values([
        { slug: 'agua-old', name: 'Agua old', name_es: null },
        { slug: 'agua-new', name: 'Agua new', name_es: null },
      ])
      .execute();
    await t.db
      .insertInto('campaign_topics')
      .values({ campaign_id: campaign.id, topic_slug: 'agua-old' })
      .execute();
    await topicRepository(t.db).merge('agua-old', 'agua-new');
    expect(
      await t.db
        .selectFrom('campaign_topics')
        .select('topic_slug')
        .where('campaign_id', '=', campaign.id)
        .execute(),
    ).toEqual([{ topic_slug: 'agua-new' }]);
  });
});

describe('demo pages', () => {
  it('has the static pages in Spanish too, in the same order, linked to their English twins', async () => {
    const en = await listNavigationPages(t.db, 'en');
    const es = await listNavigationPages(t.db, 'es');
    expect(es.map((p) => p.title)).toEqual(['Nuestros objetivos', 'Historia', 'Derechos humanos', 'Únete']);
    expect(es.map((p) => p.translationId)).toEqual(en.map((p) => p.id));
    expect(en.map((p) => p.translationId)).toEqual(es.map((p) => p.id));
  });
});

describe('migrations', () => {
  it('leave the schema as it was when one fails halfway, so the next start can run it again', async () => {
    const db = await createTestDatabase();
    try {
      // Named to sort after every real migration, whatever their dates.
      const failing = {
        ...migrations,
        '99991231_9999_fails': {
          async up(k: Kysely<unknown>) {
            await k.schema.alterTable('topics').addColumn('halfway', 'text').execute();
            throw new Error('disk full');
          },
        },
      };
      const migrator = new Migrator({ db: db.db, provider: { getMigrations: async () => failing } });
      const { error } = await migrator.migrateToLatest();
      expect(String(error)).toContain('disk full');
      // The column added before the failure is gone, and nothing is recorded as done.
      await expect(sql`select halfway from topics`.execute(db.db)).rejects.toThrow();
      const fixed = { ...migrations, '99991231_9999_fails': { async up() {} } };
      const again = new Migrator({ db: db.db, provider: { getMigrations: async () => fixed } });
      expect((await again.migrateToLatest()).error).toBeUndefined();
    } finally {
      await db.cleanup();
    }
  });
});

describe('migration 0008', () => {
  it('fills in the search text of articles written before 0006 added it', async () => {
    const old = await createTestDatabase({ migrate: false });
    try {
      const names = Object.keys(migrations);
      const migrator = new Migrator({ db: old.db, provider: { getMigrations: async () => migrations } });
      const upTo7 = await migrator.migrateTo(
        names[names.indexOf('20261127_0008_topic_names_and_search_backfill') - 1]!,
      );
      expect(upTo7.error).toBeUndefined();
      const now = new Date().toISOString();
      await old.db
        .insertInto('articles')
        .values({
          id: 'old-1',
          kind: 'news',
          nav_order: null,
          language: 'es',
          slug: 'antigua',
          title: 'Una noticia antigua',
          summary: '',
          body: 'La **esterilización** forzada *sigue* impune.',
          status: 'published',
          published_at: now,
          scheduled_for: null,
          translation_id: null,
          author_id: null,
          version: 1,
          created_at: now,
          updated_at: now,
        } as never)
        .execute();
      expect(
        (await searchPublished(old.db, { query: 'impune', language: 'es', limit: 5 })).results,
      ).toHaveLength(0);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const found = await searchPublished(old.db, {
        query: 'esterilizacion impune',
        language: 'es',
        limit: 5,
      });
      expect(found.results.map((r) => r.article.id)).toEqual(['old-1']);
      const row = await old.db
        .selectFrom('articles')
        .select('search_text')
        .where('id', '=', 'old-1')
        .executeTakeFirstOrThrow();
      expect(row.search_text).toBe('La esterilización forzada sigue impune.');
    } finally {
      await old.cleanup();
    }
  });
});
