// The upgrade test of 20261204_0014 (docs/decisions/0010-migrations-keep-data.md): a database holding the frozen
// data of every table (written at 0008, carried through the migrations since) is migrated to 0014 and no further.
// Every row is still there; events and registrations gain their new columns with the values the domain reads as
// "as before"; registrations made before count as email-confirmed; the new token table is empty and cascades.
// Runs on SQLite by default and on PostgreSQL when TEST_POSTGRES_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../testing.js';
import * as old from '../testing/data-at-0008.js';
import {
  normaliseRows,
  prepareUpgrade,
  SQLITE_CLEAN,
  type Row,
  type UpgradeTest,
} from '../testing/upgrade.js';

let up: UpgradeTest;

beforeAll(async () => {
  up = await prepareUpgrade('20261204_0014_event_registration', old.fillAt0008, {
    filledAt: '20261127_0008_topic_names_and_search_backfill',
  });
  await up.migrateOnly();
});
afterAll(async () => {
  await up?.cleanup();
});

const EVENT_COLUMNS = [
  'accessibility_facts',
  'registration_mode',
  'registration_url',
  'registration_opens_at',
  'registration_closes_at',
  'sequence',
  'previous_starts_at',
];
const REGISTRATION_COLUMNS = [
  'language',
  'consent_statement',
  'consent_version',
  'consent_given_at',
  'access_needs',
  'access_needs_consent_statement',
  'access_needs_consent_version',
  'access_needs_consent_given_at',
  'email_confirmed_at',
  'held_until',
  'promoted_at',
  'reminded_at',
  'emails_sent',
  'cancel_reason',
  'checked_in_at',
];

const without = (rows: Row[], columns: string[]) =>
  normaliseRows(
    rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !columns.includes(k)))),
  );

const instant = (value: unknown) => (value === null ? null : new Date(value as string | Date).toISOString());

describe(`upgrading to 20261204_0014 on ${testDialect()}`, () => {
  it('changes only events and registrations, keeping every row and value', async () => {
    if (up.dialect === 'sqlite') expect(await up.sqliteChecks()).toEqual(SQLITE_CLEAN);
    expect(await up.changedTables()).toEqual(['event_registrations', 'events']);
    expect(without(await up.rows('events'), EVENT_COLUMNS)).toEqual(up.before.events);
    expect(without(await up.rows('event_registrations'), REGISTRATION_COLUMNS)).toEqual(
      up.before.event_registrations,
    );
  });

  it('gives old events no facts, registration here, sequence 0', async () => {
    for (const e of await up.rows('events')) {
      expect(e).toMatchObject({
        accessibility_facts: '[]',
        registration_mode: 'here',
        registration_url: null,
        registration_opens_at: null,
        registration_closes_at: null,
        sequence: 0,
        previous_starts_at: null,
      });
    }
  });

  it('counts old confirmed and waitlisted registrations as email-confirmed when made, in English', async () => {
    const rows = await up.rows('event_registrations');
    expect(rows.length).toBe(old.registrations.length);
    for (const r of rows) {
      expect(r.language).toBe('en');
      expect(Number(r.emails_sent)).toBe(0);
      expect(instant(r.email_confirmed_at)).toBe(
        r.status === 'cancelled' ? null : new Date(r.created_at as string).toISOString(),
      );
    }
  });

  it('keeps tokens with their registration, and refuses an unknown registration mode', async () => {
    await up.db
      .insertInto('event_registration_tokens')
      .values({
        token_hash: 'h1',
        registration_id: 'reg-1',
        purpose: 'confirm',
        created_at: '2026-12-04T00:00:00.000Z',
        expires_at: '2026-12-05T00:00:00.000Z',
      })
      .execute();
    await up.db.deleteFrom('event_registrations').where('id', '=', 'reg-1').execute();
    expect(await up.db.selectFrom('event_registration_tokens').selectAll().execute()).toEqual([]);
    await expect(
      up.db.updateTable('events').set({ registration_mode: 'maybe' }).where('id', '=', 'ev-en').execute(),
    ).rejects.toThrow();
  });
});
