// createDb picks the dialect from DATABASE_URL: the embedded SQLite file (WAL, foreign keys, busy timeout)
// or a PostgreSQL pool. Callers get one handle with the Kysely instance and which dialect it speaks.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import { databaseTargetFromEnv, parseDatabaseUrl, type DatabaseTarget } from './env.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the database is: needed by pg-boss, which opens its own connections. */
  target: DatabaseTarget;
  /** For logs: the file path, or the PostgreSQL URL without its password. */
  description: string;
  destroy(): Promise<void>;
}

// PostgreSQL returns bigint (count(*)) as strings by default; our counts fit comfortably in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/**
 * Transactions on SQLite start with BEGIN IMMEDIATE: they take the write lock up front (waiting up to the busy
 * timeout) instead of failing with SQLITE_BUSY when a read turns into a write while another process — the
 * site, the admin and the worker share the file — has written meanwhile.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * SQLite can roll back schema changes, but Kysely's adapter says it cannot, so its migrator would run each statement
 * on its own: a migration failing halfway would leave the schema half changed and unrecorded, and every later start
 * would fail. Saying so runs all pending migrations in one transaction — BEGIN IMMEDIATE, which also makes a second
 * process starting at the same time wait, then find the migrations done.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.#config);
  }
  override createAdapter() {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * The SQLite database as Kysely's driver sees it, with its statements kept: the driver prepares every query's SQL
 * afresh, and preparing costs about as much as running the small queries a request makes. Statements are kept by
 * their SQL text (the queries are parameterised, so there are few), the least recently used dropped past `max`; one
 * still being iterated is not handed out again.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, max = 500): SqliteDialectConfig['database'] {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement && !statement.busy) {
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

export function createDb(
  databaseUrl?: string | DatabaseTarget,
  options: { poolSize?: number } = {},
): DbHandle {
  const target =
    typeof databaseUrl === 'object'
      ? databaseUrl
      : databaseUrl === undefined
        ? databaseTargetFromEnv()
        : parseDatabaseUrl(databaseUrl);
  if (target.dialect === 'sqlite') {
    mkdirSync(path.dirname(target.file), { recursive: true });
    const sqlite = new SqliteDatabase(target.file, { timeout: 5000 });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    const db = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }),
    });
    return { db, dialect: 'sqlite', target, description: target.file, destroy: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: options.poolSize ?? 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    target,
    description: target.url.replace(/\/\/([^:@/]*):[^@]*@/, '//$1:***@'),
    destroy: () => db.destroy(),
  };
}
