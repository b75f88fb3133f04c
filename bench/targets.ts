// The two databases every benchmark runs on: a fresh SQLite file, and a fresh PostgreSQL database at
// BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres), dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, type DbHandle } from '@ayni/db';
import pg from 'pg';

export const PG_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Target {
  label: string;
  /** What DATABASE_URL says for this target (a SQLite file path or a postgres:// URL), for child processes. */
  url: string;
  handle: DbHandle;
  drop(): Promise<void>;
}

export async function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ayni-bench-'));
  const file = path.join(dir, 'bench.db');
  return {
    label: 'SQLite',
    url: file,
    handle: createDb(file),
    drop: async () => rmSync(dir, { recursive: true }),
  };
}

export async function postgresTarget(): Promise<Target | null> {
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch {
    console.error(`PostgreSQL not reachable at ${PG_URL}: skipping it.`);
    return null;
  }
  const name = `ayni_bench_${Date.now().toString(36)}`;
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    label: 'PostgreSQL',
    url: url.toString(),
    handle: createDb(url.toString(), { poolSize: 20 }),
    drop: async () => {
      // pg-boss's connections may still be closing: wait for them rather than killing them mid-close.
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      for (let i = 0; ; i++) {
        try {
          await c.query(`drop database if exists "${name}"${i >= 100 ? ' with (force)' : ''}`);
          break;
        } catch (error) {
          if (i >= 100) throw error;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      await c.end();
    },
  };
}

/**
 * Runs `part` on each database the command line asks for (`--sqlite`, `--postgres`; both when neither), each a
 * fresh one dropped afterwards; PostgreSQL is skipped when it cannot be reached.
 */
export async function onEachDatabase<T>(part: (target: Target) => Promise<T>): Promise<T[]> {
  const args = process.argv.slice(2);
  const asked = ['sqlite', 'postgres'].filter((d) => args.includes(`--${d}`));
  const results: T[] = [];
  for (const [name, make] of [
    ['sqlite', sqliteTarget],
    ['postgres', postgresTarget],
  ] as const) {
    if (asked.length > 0 && !asked.includes(name)) continue;
    const target = await make();
    if (!target) continue;
    try {
      results.push(await part(target));
    } finally {
      await target.handle.destroy();
      await target.drop();
    }
  }
  return results;
}

/** The path of the newest published English news article: the article page the benchmarks measure. */
export async function latestNewsPath(db: DbHandle['db']): Promise<string> {
  const latest = await db
    .selectFrom('articles')
    .select('slug')
    .where('status', '=', 'published')
    .where('kind', '=', 'news')
    .where('language', '=', 'en')
    .orderBy('published_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return `/news/${latest.slug}`;
}
