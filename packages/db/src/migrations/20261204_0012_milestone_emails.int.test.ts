// The upgrade test of 20261204_0012 (docs/decisions/0010-migrations-keep-data.md): a database holding the frozen
// data of every table (written at 0008, carried through 0011) is migrated to 0012 and no further. Every row is still
// there with its values, no signer has stopped news yet, the new tables start empty, and the new ones keep each
// (milestone, signature) once and go with their milestone or signature. Runs on SQLite by default and on PostgreSQL
// when TEST_POSTGRES_URL is set.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../schema.js';
import { testDialect } from '../testing.js';
import * as old from '../testing/data-at-0008.js';
import { normaliseRows, prepareUpgrade, SQLITE_CLEAN, type UpgradeTest } from '../testing/upgrade.js';

let up: UpgradeTest;

beforeAll(async () => {
  up = await prepareUpgrade('20261204_0012_milestone_emails', old.fillAt0008, {
    filledAt: '20261127_0008_topic_names_and_search_backfill',
  });
  await up.migrateOnly();
});
afterAll(async () => {
  await up?.cleanup();
});

const typed = () => up.db as Kysely<Database>;

describe(`upgrading to 20261204_0012 on ${testDialect()}`, () => {
  it('changes only signatures (a new column), and leaves the database sound with the new tables empty', async () => {
    if (up.dialect === 'sqlite') expect(await up.sqliteChecks()).toEqual(SQLITE_CLEAN);
    expect(await up.changedTables()).toEqual(['signatures']);
    expect(await up.rows('milestone_emails')).toEqual([]);
    expect(await up.rows('signature_unsubscribe_tokens')).toEqual([]);
  });

  it('keeps every signature with its values, none of them with news stopped', async () => {
    const now = await up.rows('signatures');
    expect(now.every((r) => r.updates_withdrawn_at === null)).toBe(true);
    expect(normaliseRows(now.map(({ updates_withdrawn_at: _w, ...r }) => r))).toEqual(up.before.signatures);
  });

  it('records each (milestone, signature) once, and drops the records with their milestone or signature', async () => {
    const [milestone] = up.before.campaign_milestones!;
    const signature = up.before.signatures!.find((s) => s.campaign_id === milestone!.campaign_id)!;
    const row = {
      milestone_id: milestone!.id as string,
      signature_id: signature.id as string,
      created_at: '2026-12-04T10:00:00.000Z',
    };
    await typed().insertInto('milestone_emails').values(row).execute();
    const again = await typed()
      .insertInto('milestone_emails')
      .values(row)
      .onConflict((oc) => oc.columns(['milestone_id', 'signature_id']).doNothing())
      .executeTakeFirst();
    expect(Number(again.numInsertedOrUpdatedRows ?? 0n)).toBe(0);
    await typed()
      .insertInto('signature_unsubscribe_tokens')
      .values({ token_hash: 'h', signature_id: row.signature_id, created_at: row.created_at })
      .execute();
    await typed().deleteFrom('campaign_milestones').where('id', '=', row.milestone_id).execute();
    expect(await up.rows('milestone_emails')).toEqual([]);
    await typed().deleteFrom('signatures').where('id', '=', row.signature_id).execute();
    expect(await up.rows('signature_unsubscribe_tokens')).toEqual([]);
  });
});
