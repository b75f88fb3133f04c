// The upgrade test of 20261204_0013 (docs/decisions/0010-migrations-keep-data.md): a database holding the frozen
// data of every table (written at 0008, carried through the migrations since) is migrated to 0013 and no further.
// Every row is still there; events gain an empty campaign; the sweeps' indexes exist. Runs on SQLite by default and
// on PostgreSQL when TEST_POSTGRES_URL is set.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../testing.js';
import * as old from '../testing/data-at-0008.js';
import { normaliseRows, prepareUpgrade, SQLITE_CLEAN, type UpgradeTest } from '../testing/upgrade.js';

let up: UpgradeTest;

beforeAll(async () => {
  up = await prepareUpgrade('20261204_0013_sweep_indexes_and_event_campaigns', old.fillAt0008, {
    filledAt: '20261127_0008_topic_names_and_search_backfill',
  });
  await up.migrateOnly();
});
afterAll(async () => {
  await up?.cleanup();
});

async function indexNames(): Promise<string[]> {
  const { rows } =
    up.dialect === 'postgres'
      ? await sql<{ name: string }>`select indexname as name from pg_indexes
          where schemaname = current_schema()`.execute(up.db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(up.db);
  return rows.map((r) => r.name);
}

describe(`upgrading to 20261204_0013 on ${testDialect()}`, () => {
  it('changes only events (a new, empty column), and leaves the database sound', async () => {
    if (up.dialect === 'sqlite') expect(await up.sqliteChecks()).toEqual(SQLITE_CLEAN);
    expect(await up.changedTables()).toEqual(['events']);
    const events = await up.rows('events');
    expect(events.map((e) => e.campaign_id)).toEqual(events.map(() => null));
    expect(normaliseRows(events.map(({ campaign_id: _c, ...e }) => e))).toEqual(up.before.events);
  });

  it('adds the indexes the sweeps read by', async () => {
    expect(await indexNames()).toEqual(
      expect.arrayContaining([
        'signatures_pending_created_idx',
        'signature_tokens_expires_idx',
        'events_campaign_idx',
      ]),
    );
  });

  it('keeps an event when its campaign is deleted, belonging to no campaign', async () => {
    const [event] = await up.rows('events');
    await up.db
      .updateTable('events')
      .set({ campaign_id: 'camp-closed' })
      .where('id', '=', event!.id as string)
      .execute();
    await up.db.deleteFrom('campaigns').where('id', '=', 'camp-closed').execute();
    const after = await up.db
      .selectFrom('events')
      .select('campaign_id')
      .where('id', '=', event!.id as string)
      .executeTakeFirst();
    expect(after).toEqual({ campaign_id: null });
  });
});
