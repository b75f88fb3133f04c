// The upgrade test of 20261204_0015 (docs/decisions/0010-migrations-keep-data.md): a database holding the frozen
// data of every table (written at 0008, carried through the migrations since) is migrated to 0015 and no further.
// No table changes and every row is kept; the new record table starts empty, refuses a second row for the same
// person and change, and goes with its registration. Runs on SQLite by default and on PostgreSQL when
// TEST_POSTGRES_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../testing.js';
import * as old from '../testing/data-at-0008.js';
import { prepareUpgrade, SQLITE_CLEAN, type UpgradeTest } from '../testing/upgrade.js';

let up: UpgradeTest;

beforeAll(async () => {
  up = await prepareUpgrade('20261204_0015_event_change_emails', old.fillAt0008, {
    filledAt: '20261127_0008_topic_names_and_search_backfill',
  });
  await up.migrateOnly();
});
afterAll(async () => {
  await up?.cleanup();
});

describe(`upgrading to 20261204_0015 on ${testDialect()}`, () => {
  it('changes no table, keeping every row', async () => {
    if (up.dialect === 'sqlite') expect(await up.sqliteChecks()).toEqual(SQLITE_CLEAN);
    expect(await up.changedTables()).toEqual([]);
    expect((await up.rows('event_registrations')).length).toBe(old.registrations.length);
  });

  it('records each person once per change, and the records go with their registration', async () => {
    expect(await up.rows('event_change_emails')).toEqual([]);
    const record = (sequence: number) =>
      up.db
        .insertInto('event_change_emails')
        .values({ registration_id: 'reg-1', sequence, created_at: '2026-12-04T00:00:00.000Z' })
        .execute();
    await record(1);
    await record(2);
    await expect(record(1)).rejects.toThrow();
    await up.db.deleteFrom('event_registrations').where('id', '=', 'reg-1').execute();
    expect(await up.rows('event_change_emails')).toEqual([]);
  });
});
