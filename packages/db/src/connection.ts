// createDb picks the dialect from DATABASE_URL: the embedded SQLite file (WAL, foreign keys, busy timeout)
// or a PostgreSQL pool. Callers get one handle with the Kysely instance and which dialect it speaks.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
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

/** How long a statement waits for another connection's write lock before failing with SQLITE_BUSY (ms). */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Transactions on SQLite start with BEGIN IMMEDIATE: they take the write lock up front instead of failing with
 * SQLITE_BUSY when a read turns into a write while another process — the site, the admin and the worker share the
 * file — has written meanwhile.
 *
 * Waiting for that lock must not stop the process. better-sqlite3 is synchronous: left to SQLite's busy handler, a
 * statement that meets another process's write lock sleeps in the calling thread until the lock is free, and the
 * whole event loop with it (the site would stop serving even the pages it keeps in memory). So the connection's
 * busy timeout is 0, and a statement run outside a transaction — a BEGIN IMMEDIATE, or a write on its own — that
 * finds the lock taken is tried again after a short timer (1 ms, then 2, then every 4 ms) until the busy timeout
 * has passed, then fails with SQLITE_BUSY as before; the loop runs other work meanwhile. A statement inside a
 * transaction already holds the lock and never waits. This connection's other queries wait for the transaction as
 * they always did: Kysely's SQLite driver has one connection (docs/decisions/0015).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #sqlite: SqliteDatabase.Database;
  readonly #busyTimeoutMs: number;
  #connection: DatabaseConnection | undefined;
  constructor(config: SqliteDialectConfig, sqlite: SqliteDatabase.Database, busyTimeoutMs: number) {
    super(config);
    this.#sqlite = sqlite;
    this.#busyTimeoutMs = busyTimeoutMs;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    this.#connection ??= this.#waitingForLocks(connection);
    return this.#connection;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  #waitingForLocks(connection: DatabaseConnection): DatabaseConnection {
    const sqlite = this.#sqlite;
    const busyTimeoutMs = this.#busyTimeoutMs;
    return {
      async executeQuery<R>(query: CompiledQuery) {
        if (sqlite.inTransaction) return connection.executeQuery<R>(query);
        const deadline = performance.now() + busyTimeoutMs;
        for (let wait = 1; ; wait = Math.min(wait * 2, 4)) {
          try {
            return await connection.executeQuery<R>(query);
          } catch (error) {
            const code = (error as { code?: unknown }).code;
            const busy = typeof code === 'string' && code.startsWith('SQLITE_BUSY');
            if (!busy || performance.now() >= deadline) throw error;
          }
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
      },
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    };
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
  readonly #sqlite: SqliteDatabase.Database;
  readonly #busyTimeoutMs: number;
  constructor(sqlite: SqliteDatabase.Database, busyTimeoutMs: number) {
    const config = { database: withStatementCache(sqlite) };
    super(config);
    this.#config = config;
    this.#sqlite = sqlite;
    this.#busyTimeoutMs = busyTimeoutMs;
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.#config, this.#sqlite, this.#busyTimeoutMs);
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

/**
 * The background checkpointer's code (a worker thread of its own, CommonJS): its own connection to the file, a
 * PASSIVE checkpoint every `everyMs` (it never waits for a lock, and writers go on appending meanwhile).
 */
const CHECKPOINTER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 0 });
const every = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {}
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(every);
  db.close();
  parentPort.close();
});
`;

/**
 * Moves WAL checkpoints off the calling thread: the connection no longer checkpoints when its commit finds the WAL
 * past 1,000 pages (SQLite's default, which copies the pages back and fsyncs both files inside that COMMIT, blocking
 * the event loop for milliseconds), and a worker thread checkpoints the file instead. Returns how to stop it.
 */
function checkpointInBackground(
  sqlite: SqliteDatabase.Database,
  file: string,
  everyMs = 100,
): () => Promise<void> {
  sqlite.pragma('wal_autocheckpoint = 0');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { driver, file, everyMs } });
  worker.unref();
  return () =>
    new Promise((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage('stop');
    });
}

export function createDb(
  databaseUrl?: string | DatabaseTarget,
  options: {
    poolSize?: number;
    /** SQLite: how long a statement or a transaction's start waits for another connection's write lock (ms). */
    busyTimeoutMs?: number;
    /**
     * SQLite: checkpoint the WAL in a worker thread instead of inside this connection's commits (for a process
     * that writes often and serves requests meanwhile: the site). See checkpointInBackground.
     */
    backgroundCheckpoints?: boolean;
  } = {},
): DbHandle {
  const target =
    typeof databaseUrl === 'object'
      ? databaseUrl
      : databaseUrl === undefined
        ? databaseTargetFromEnv()
        : parseDatabaseUrl(databaseUrl);
  if (target.dialect === 'sqlite') {
    mkdirSync(path.dirname(target.file), { recursive: true });
    const busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
    const sqlite = new SqliteDatabase(target.file, { timeout: busyTimeoutMs });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    // From here on a statement that meets another connection's lock waits on a timer, not in SQLite's busy
    // handler (ImmediateSqliteDriver); the pragmas above could still wait there, once, at start-up.
    sqlite.pragma('busy_timeout = 0');
    const stopCheckpoints = options.backgroundCheckpoints
      ? checkpointInBackground(sqlite, target.file)
      : async () => {};
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite, busyTimeoutMs) });
    const destroy = async () => {
      await stopCheckpoints();
      await db.destroy();
    };
    return { db, dialect: 'sqlite', target, description: target.file, destroy };
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
