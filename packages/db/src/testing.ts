// Integration tests get a database of their own: a fresh SQLite file by default, or — when TEST_POSTGRES_URL is
// set (CI sets it) — a new PostgreSQL database created for the test file and dropped afterwards, so test files
// can run in parallel. The same test file runs on both.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Campaign, Event, Milestone, Registration, Signature } from '@ayni/domain';
import { sql } from 'kysely';
import { createDb, type DbHandle } from './connection.js';
import { migrateToLatest } from './migrate.js';

export interface TestDatabase extends DbHandle {
  /** The DATABASE_URL another process (an app under test) can use to reach this database. */
  url: string;
  cleanup(): Promise<void>;
}

export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.TEST_POSTGRES_URL ? 'postgres' : 'sqlite';
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_POSTGRES_URL;
  let url: string;
  let drop: () => Promise<void>;
  if (adminUrl) {
    const name = `ayni_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    url = withDatabase(adminUrl, name);
    // Connections closed a moment ago (pools, pg-boss) may still be going away: wait for them rather than
    // killing them, which would surface as an error in whichever client was still closing.
    drop = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        for (let i = 0; ; i++) {
          try {
            await c.query(`drop database if exists "${name}"${i >= 100 ? ' with (force)' : ''}`);
            return;
          } catch (error) {
            if (i >= 100 || (error as { code?: string }).code !== '55006') throw error;
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      } finally {
        await c.end();
      }
    };
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'ayni-test-'));
    url = path.join(dir, 'test.db');
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }
  const handle = createDb(url, { poolSize: 5 });
  if (options.migrate !== false) await migrateToLatest(handle.db);
  return {
    ...handle,
    url,
    async cleanup() {
      await handle.destroy();
      await drop();
    },
  };
}

/**
 * Where `needle` occurs in the database: every column of every table, whatever its type (SQLite: each column cast
 * to text; PostgreSQL: each row cast to text, in every schema of the database, pg-boss's included). Returns
 * "table.column" (SQLite) or "schema.table" (PostgreSQL) for each hit; tests use it to prove a secret is stored
 * nowhere.
 */
export async function tablesContaining(
  handle: Pick<DbHandle, 'db' | 'dialect'>,
  needle: string,
): Promise<string[]> {
  const hits: string[] = [];
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  if (handle.dialect === 'sqlite') {
    const { rows: tables } = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table' order by name`.execute(handle.db);
    for (const { name } of tables) {
      const { rows: columns } = await sql<{ name: string }>`
        select name from pragma_table_info(${name})`.execute(handle.db);
      for (const column of columns) {
        const { rows } = await sql<{ n: number }>`
          select count(*) as n from ${sql.raw(quote(name))}
          where instr(cast(${sql.raw(quote(column.name))} as text), ${needle}) > 0`.execute(handle.db);
        if (Number(rows[0]?.n) > 0) hits.push(`${name}.${column.name}`);
      }
    }
    return hits;
  }
  const { rows: tables } = await sql<{ schema: string; name: string }>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
    order by 1, 2`.execute(handle.db);
  for (const { schema, name } of tables) {
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from ${sql.raw(`${quote(schema)}.${quote(name)}`)} as r
      where strpos(r::text, ${needle}) > 0`.execute(handle.db);
    if (Number(rows[0]?.n) > 0) hits.push(`${schema}.${name}`);
  }
  return hits;
}

/**
 * A signature on `campaignId` as signing leaves it — pending, in English, both consents given (the signature's and
 * "keep me updated") — for tests that write signatures directly; each test says what it needs different.
 */
export function aSignature(id: string, campaignId: string, overrides: Partial<Signature> = {}): Signature {
  const at = new Date('2026-12-02T00:00:00.000Z');
  return {
    id,
    campaignId,
    name: `Signer ${id}`,
    email: `${id}@example.org`,
    canonicalEmail: `${id}@example.org`,
    country: 'PE',
    postcode: null,
    consent: { statement: 'I agree.', version: 'v1', givenAt: at, source: 'form' },
    updatesConsent: { statement: 'Keep me updated.', version: 'u1', givenAt: at, source: 'form' },
    status: 'pending',
    confirmedAt: null,
    createdAt: at,
    language: 'en',
    source: null,
    emailsSent: 1,
    heldReason: null,
    ...overrides,
  };
}

/** An active campaign in English with a petition and no milestones; each test says what it needs different. */
export function aCampaign(id: string, overrides: Partial<Campaign> = {}): Campaign {
  const at = new Date('2026-12-01T00:00:00.000Z');
  return {
    id,
    status: 'active',
    petition: { target: 'The Minister', signatureGoal: 100, deadline: null },
    translations: {
      en: { slug: id, title: `Campaign ${id}`, summary: '', body: '', petitionText: 'We ask.' },
    },
    milestones: [],
    closedAt: null,
    closedReason: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** A milestone not reached yet, in English, reached only by hand unless given a threshold. */
export function aMilestone(id: string, overrides: Partial<Milestone> = {}): Milestone {
  return {
    id,
    date: null,
    reached: false,
    reachedAt: null,
    signatureThreshold: null,
    translations: { en: { title: `Milestone ${id}`, description: '' } },
    ...overrides,
  };
}

/**
 * A published event in English taking registrations here, 3 places, starting on `startsAt` (two hours long); each
 * test says what it needs different.
 */
export function anEvent(id: string, startsAt: Date, overrides: Partial<Event> = {}): Event {
  const at = new Date('2026-12-01T00:00:00.000Z');
  return {
    id,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    timeZone: 'Europe/London',
    venue: { name: 'Amnesty International House', address: '17–25 New Inn Yard, London' },
    onlineUrl: null,
    accessibility: '',
    accessibilityFacts: [],
    capacity: 3,
    registrationOpen: true,
    registrationMode: 'here',
    registrationUrl: null,
    registrationOpensAt: null,
    registrationClosesAt: null,
    sequence: 0,
    previousStartsAt: null,
    status: 'published',
    campaignId: null,
    translations: { en: { slug: id, title: `Event ${id}`, summary: '', body: '' } },
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** A confirmed registration in English for `eventId`, its email `<id>@example.org`. */
export function aRegistration(
  id: string,
  eventId: string,
  overrides: Partial<Registration> = {},
): Registration {
  const at = overrides.createdAt ?? new Date('2026-12-02T00:00:00.000Z');
  return {
    id,
    eventId,
    name: `Person ${id}`,
    email: `${id}@example.org`,
    canonicalEmail: `${id}@example.org`,
    status: 'confirmed',
    createdAt: at,
    cancelledAt: null,
    language: 'en',
    consent: null,
    accessNeeds: null,
    accessNeedsConsent: null,
    emailConfirmedAt: at,
    heldUntil: null,
    promotedAt: null,
    remindedAt: null,
    emailsSent: 0,
    cancelReason: null,
    checkedInAt: null,
    ...overrides,
  };
}
