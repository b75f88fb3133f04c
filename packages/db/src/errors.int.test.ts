// isUniqueViolation reads the driver's error code; these are the real errors of each dialect, not imitations.
// Runs on SQLite by default and on PostgreSQL when TEST_POSTGRES_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from './errors.js';
import { createTestDatabase, testDialect, type TestDatabase } from './testing.js';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.insertInto('topics').values({ slug: 'mining', name: 'Mining', name_es: null }).execute();
  await t.db
    .insertInto('membership_types')
    .values({
      id: 'mt-1',
      slug: 'individual',
      name: 'Individual',
      annual_fee: 2500,
      currency: 'GBP',
      active: 1,
    })
    .execute();
});
afterAll(async () => {
  await t?.cleanup();
});

async function errorOf(write: Promise<unknown>): Promise<unknown> {
  return write.then(
    () => {
      throw new Error('expected the database to refuse this');
    },
    (e: unknown) => e,
  );
}

describe(`isUniqueViolation on ${testDialect()}`, () => {
  it('recognises a primary key and a unique constraint refusing a duplicate', async () => {
    const duplicateKey = await errorOf(
      t.db.insertInto('topics').values({ slug: 'mining', name: 'Mining again', name_es: null }).execute(),
    );
    const duplicateSlug = await errorOf(
      t.db
        .insertInto('membership_types')
        .values({ id: 'mt-2', slug: 'individual', name: 'Again', annual_fee: 1, currency: 'GBP', active: 1 })
        .execute(),
    );
    expect([isUniqueViolation(duplicateKey), isUniqueViolation(duplicateSlug)]).toEqual([true, true]);
    expect(isUniqueViolation(new Error('wrapped', { cause: duplicateSlug }))).toBe(true);
  });

  it('does not mistake other refusals for one', async () => {
    const notNull = await errorOf(
      t.db
        .insertInto('topics')
        .values({ slug: 'x', name: null as unknown as string, name_es: null })
        .execute(),
    );
    const check = await errorOf(
      t.db
        .insertInto('membership_types')
        .values({ id: 'mt-3', slug: 'negative', name: 'N', annual_fee: -1, currency: 'GBP', active: 1 })
        .execute(),
    );
    const foreignKey = await errorOf(
      t.db
        .insertInto('article_topics')
        .values({ article_id: 'no-such-article', topic_slug: 'mining' })
        .execute(),
    );
    // Even when the message happens to mention the word.
    const worded = new Error('UNIQUE constraint failed: not really');
    expect([notNull, check, foreignKey, worded].map(isUniqueViolation)).toEqual([false, false, false, false]);
  });
});
