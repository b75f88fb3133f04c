// The upgrade test of 20261203_0011 (docs/decisions/0010-migrations-keep-data.md): a database holding the frozen
// data of every table (written at 0008, carried through 0010) plus a person with two pending signatures on one
// campaign is migrated to 0011 and no further. Every row is still there; a person's extra signatures are rejected,
// not deleted; signatures take their campaign's language; the new tables start empty. Runs on SQLite by default and
// on PostgreSQL when TEST_POSTGRES_URL is set.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../errors.js';
import type { Database } from '../schema.js';
import { testDialect } from '../testing.js';
import * as old from '../testing/data-at-0008.js';
import {
  normaliseRows,
  prepareUpgrade,
  SQLITE_CLEAN,
  type Row,
  type UpgradeTest,
} from '../testing/upgrade.js';
import type { Dialect } from '../connection.js';

const twice = [
  { ...old.signatures[4]!, id: 'sig-6', created_at: '2026-11-10T09:00:00.000Z' },
  { ...old.signatures[4]!, id: 'sig-7', created_at: '2026-11-11T09:00:00.000Z' },
].map((s) => ({ ...s, email: 'luz@example.pe', canonical_email: 'luz@example.pe' }));

async function fill(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await old.fillAt0008(db, dialect);
  await db.insertInto('signatures').values(twice).execute();
}

let up: UpgradeTest;

beforeAll(async () => {
  up = await prepareUpgrade('20261203_0011_petition_signing', fill, {
    filledAt: '20261127_0008_topic_names_and_search_backfill',
  });
  await up.migrateOnly();
});
afterAll(async () => {
  await up?.cleanup();
});

const typed = () => up.db as Kysely<Database>;
const byId = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.id, r]));

describe(`upgrading to 20261203_0011 on ${testDialect()}`, () => {
  it('changes only signatures, campaigns and milestones (new columns), and leaves the database sound', async () => {
    if (up.dialect === 'sqlite') expect(await up.sqliteChecks()).toEqual(SQLITE_CLEAN);
    expect(await up.changedTables()).toEqual(['campaign_milestones', 'campaigns', 'signatures']);
    for (const table of ['signature_tokens', 'signing_attempts', 'campaign_articles', 'campaign_topics']) {
      expect(await up.rows(table), table).toEqual([]);
    }
  });

  it('keeps every signature with its values, in its campaign’s language, and no emails counted yet', async () => {
    const now = byId(await up.rows('signatures'));
    expect(Object.keys(now).sort()).toEqual(up.before.signatures!.map((r) => r.id).sort());
    const languageOf: Record<string, string> = { 'camp-en': 'en', 'camp-closed': 'en', 'camp-es': 'es' };
    for (const before of up.before.signatures!) {
      const after = now[before.id as string]!;
      const { status: _s, ...kept } = before;
      expect(after).toMatchObject(kept);
      expect(after).toMatchObject({
        language: languageOf[before.campaign_id as string],
        source: null,
        updates_consent_statement: null,
        held_reason: null,
        emails_sent: 0,
      });
    }
  });

  it('keeps one signature per person per campaign: the confirmed one, else the earliest; the rest rejected', async () => {
    const statuses = Object.fromEntries(
      (await up.rows('signatures')).map((r) => [r.id, r.status] as [string, unknown]),
    );
    expect(statuses).toEqual({
      'sig-1': 'confirmed',
      'sig-2': 'confirmed',
      // Ana's pending second signature on the campaign she had confirmed.
      'sig-3': 'rejected',
      'sig-4': 'confirmed',
      'sig-5': 'pending',
      'sig-6': 'pending',
      'sig-7': 'rejected',
    });
  });

  it('keeps campaigns and milestones as they were, not closed and with no thresholds', async () => {
    expect(
      normaliseRows((await up.rows('campaigns')).map(({ closed_at: _a, closed_reason: _r, ...r }) => r)),
    ).toEqual(up.before.campaigns);
    expect((await up.rows('campaigns')).every((r) => r.closed_at === null && r.closed_reason === null)).toBe(
      true,
    );
    expect(
      normaliseRows(
        (await up.rows('campaign_milestones')).map(({ signature_threshold: _t, reached_at: _r, ...r }) => r),
      ),
    ).toEqual(up.before.campaign_milestones);
  });

  it('refuses a second live signature by the same person, pending or held, and allows one after a rejection', async () => {
    const pending = { ...old.signatures[4]!, email: 'LUZ@example.pe', canonical_email: 'luz@example.pe' };
    for (const [id, status] of [
      ['sig-p', 'pending'],
      ['sig-h', 'held'],
    ] as const) {
      const refused = await typed()
        .insertInto('signatures')
        .values({ ...pending, id, status })
        .execute()
        .catch((e: unknown) => e);
      expect(isUniqueViolation(refused), status).toBe(true);
    }
    await typed()
      .insertInto('signatures')
      .values({ ...pending, id: 'sig-r', status: 'rejected' })
      .execute();
    await typed().updateTable('signatures').set({ status: 'rejected' }).where('id', '=', 'sig-6').execute();
    await typed()
      .insertInto('signatures')
      .values({ ...pending, id: 'sig-new', status: 'pending' })
      .execute();
  });
});
