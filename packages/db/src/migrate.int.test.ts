// migrateTo, which upgrade tests start from. Runs on SQLite by default and on PostgreSQL when TEST_POSTGRES_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest, migrationBefore } from './migrate.js';
import { migrations } from './migrations/index.js';
import { createTestDatabase, testDialect, type TestDatabase } from './testing.js';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await t?.cleanup();
});

describe(`migrateTo on ${testDialect()}`, () => {
  const names = Object.keys(migrations).sort();

  it('names the migration before another one', () => {
    expect(migrationBefore(names[1]!)).toBe(names[0]);
    expect(() => migrationBefore(names[0]!)).toThrow(`No migration runs before ${names[0]}`);
  });

  it('runs the migrations up to and including the one named, and no further', async () => {
    expect(await migrateTo(t.db, names[2]!)).toEqual(names.slice(0, 3));
    expect(await migrateToLatest(t.db)).toEqual(names.slice(3));
  });

  it('refuses to go back, and refuses a name it does not know', async () => {
    await expect(migrateTo(t.db, names[1]!)).rejects.toThrow(`The database is already past ${names[1]}`);
    await expect(migrateTo(t.db, 'no_such_migration')).rejects.toThrow(
      'No migration named no_such_migration',
    );
  });
});
