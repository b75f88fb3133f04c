// The harness for upgrade tests (docs/decisions/0010-migrations-keep-data.md): a database of its own, migrated up to
// the migration before the one under test and filled with rows through raw inserts against that older schema; then
// the migration runs, and the test compares. A test for the next migration is a fill function for the schema before
// it (see data-at-0008.ts) plus its own assertions about the tables it changes:
//
//   const up = await prepareUpgrade('2027…_0010_…', fillAt0009);
//   await up.migrate();                                      // or migrateOnly(), to stop at the one under test
//   expect(await up.changedTables()).toEqual(['the', 'tables', 'it', 'rewrote']);
//   expect(await up.sqliteChecks()).toEqual(SQLITE_CLEAN);   // on SQLite
//
// Every other table must hold exactly the rows it held before, which changedTables() checks for all of them.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connection.js';
import { migrateTo, migrateToLatest, migrationBefore } from '../migrate.js';
import { createTestDatabase, type TestDatabase } from '../testing.js';

export type Row = Record<string, unknown>;
export type Fill = (db: Kysely<any>, dialect: Dialect) => Promise<void>;

/** What sqliteChecks() returns for a sound database. */
export const SQLITE_CLEAN = { foreignKeyViolations: [], integrity: ['ok'] };

export interface UpgradeTest {
  /** Untyped on purpose: the schema changes under it. */
  db: Kysely<any>;
  dialect: Dialect;
  /** Every table's rows (normalised, sorted) before the migration ran. */
  before: Record<string, Row[]>;
  /** Runs the migration under test (only it), then any later ones. */
  migrate(): Promise<void>;
  /** Runs the migration under test and stops there: what changed is then its doing alone. */
  migrateOnly(): Promise<void>;
  /** A table's rows now, normalised and sorted like `before`. */
  rows(table: string): Promise<Row[]>;
  /** The tables that existed before whose rows are not exactly what they were (or that are gone), by name. */
  changedTables(): Promise<string[]>;
  /** SQLite's own verdict on the file: foreign keys pointing nowhere, and integrity_check's lines. */
  sqliteChecks(): Promise<{ foreignKeyViolations: Row[]; integrity: string[] }>;
  cleanup(): Promise<void>;
}

/** The migrator's own bookkeeping changes with every migration; it is not data. */
const BOOKKEEPING = new Set(['kysely_migration', 'kysely_migration_lock']);

async function tableNames(db: Kysely<any>, dialect: Dialect): Promise<string[]> {
  const { rows } =
    dialect === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name not like 'sqlite_%'`.execute(db);
  return rows
    .map((r) => r.name)
    .filter((name) => !BOOKKEEPING.has(name))
    .sort();
}

/**
 * Instants as ISO strings and flags as 0/1 whatever the dialect returned, so expectations can be written once for
 * both; keys sorted so column order does not matter.
 */
function normalise(row: Row): Row {
  const out: Row = {};
  for (const key of Object.keys(row).sort()) {
    const value = row[key];
    out[key] =
      value instanceof Date ? value.toISOString() : typeof value === 'boolean' ? Number(value) : value;
  }
  return out;
}

/** Rows normalised and in a fixed order, as rows() and `before` give them: for writing expectations. */
export function normaliseRows(rows: readonly Row[]): Row[] {
  return rows
    .map(normalise)
    .map((row) => [JSON.stringify(row), row] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
}

async function readRows(db: Kysely<any>, table: string): Promise<Row[]> {
  const { rows } = await sql<Row>`select * from ${sql.table(table)}`.execute(db);
  return normaliseRows(rows);
}

/**
 * A fresh database at the schema just before `migration`, filled by `fill`, with a snapshot of every table. With
 * `filledAt`, `fill` writes against that older schema and the migrations between it and `migration` run on the data
 * first (so one fill function serves the upgrade tests of several later migrations).
 */
export async function prepareUpgrade(
  migration: string,
  fill: Fill,
  options: { filledAt?: string } = {},
): Promise<UpgradeTest> {
  const t: TestDatabase = await createTestDatabase({ migrate: false });
  const db = t.db as unknown as Kysely<any>;
  try {
    await migrateTo(db, options.filledAt ?? migrationBefore(migration));
    await fill(db, t.dialect);
    if (options.filledAt) await migrateTo(db, migrationBefore(migration));
    const before: Record<string, Row[]> = {};
    for (const table of await tableNames(db, t.dialect)) before[table] = await readRows(db, table);
    return {
      db,
      dialect: t.dialect,
      before,
      async migrate() {
        await migrateTo(db, migration);
        await migrateToLatest(db);
      },
      async migrateOnly() {
        await migrateTo(db, migration);
      },
      rows: (table) => readRows(db, table),
      async changedTables() {
        const now = new Set(await tableNames(db, t.dialect));
        const changed: string[] = [];
        for (const [table, rows] of Object.entries(before)) {
          if (!now.has(table) || JSON.stringify(await readRows(db, table)) !== JSON.stringify(rows)) {
            changed.push(table);
          }
        }
        return changed;
      },
      async sqliteChecks() {
        if (t.dialect !== 'sqlite') throw new Error('sqliteChecks() is for SQLite');
        const { rows: foreignKeyViolations } = await sql<Row>`pragma foreign_key_check`.execute(db);
        const { rows: integrity } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
          db,
        );
        return { foreignKeyViolations, integrity: integrity.map((r) => r.integrity_check) };
      },
      cleanup: () => t.cleanup(),
    };
  } catch (error) {
    await t.cleanup();
    throw error;
  }
}
