// Uniqueness is the database's: two editors creating an article with the same slug at the same moment get one
// article and one field message, on SQLite and PostgreSQL (where the two transactions really run side by side).
import { articleEditSchema, createArticle, fixedClock } from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from './ids.js';
import { articleRepository, listArticles } from './repositories/articles.js';
import { settingsRepository } from './repositories/settings.js';
import { topicRepository } from './repositories/topics.js';
import { createTestDatabase, testDialect, type TestDatabase } from './testing.js';
import { nobody, runUnitOfWork } from './unit-of-work.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.cleanup();
});

const clock = fixedClock('2026-12-02T10:00:00.000Z');

function create(title: string) {
  return runUnitOfWork(t.db, { clock, actor: nobody }, (trx) =>
    createArticle(
      {
        articles: articleRepository(trx),
        topics: topicRepository(trx),
        settings: settingsRepository(trx).settings,
        clock,
        ids: randomIds,
      },
      {
        edit: articleEditSchema.parse({ language: 'en', title, slug: 'same-moment', topics: ['Water'] }),
        authorId: null,
      },
    ),
  );
}

describe(`creating articles concurrently on ${testDialect()}`, () => {
  it('keeps one article per slug and tells the other editor which field to change', async () => {
    const outcomes = await Promise.allSettled([create('First'), create('Second')]);
    const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect([fulfilled.length, rejected.length]).toEqual([1, 1]);
    expect(rejected[0]!.reason).toMatchObject({
      code: 'CONFLICT',
      field: 'slug',
      message: 'Another en article already uses the slug "same-moment"',
    });
    const stored = await listArticles(t.db, { language: 'en', limit: 10 });
    expect(stored.filter((a) => a.slug === 'same-moment')).toHaveLength(1);
  });
});
