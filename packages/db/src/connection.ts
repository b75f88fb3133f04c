// createDb picks the dialect from DATABASE_URL: the embedded SQLite file (WAL, foreign keys, busy timeout)
// or a PostgreSQL pool. Callers get one handle with the Kysely instance and which dialect it speaks.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { databaseTargetFromEnv, parseDatabaseUrl, type DatabaseTarget } from './env.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** For logs: the file path, or the PostgreSQL URL without its password. */
  description: string;
  destroy(): Promise<void>;
}

// PostgreSQL returns bigint (count(*)) as strings by default; our counts fit comfortably in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

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
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, dialect: 'sqlite', description: target.file, destroy: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: options.poolSize ?? 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    description: target.url.replace(/\/\/([^:@/]*):[^@]*@/, '//$1:***@'),
    destroy: () => db.destroy(),
  };
}
