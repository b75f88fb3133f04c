// How a transaction on SQLite starts when another process holds the write lock: it waits without blocking the
// event loop, commits once the lock is free, and gives up after the busy timeout as before. SQLite only (the pg
// driver never blocks the loop), so this file makes its own database file whatever TEST_POSTGRES_URL says.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as timer } from 'node:timers/promises';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type DbHandle } from './connection.js';

let dir: string;
let file: string;
let other: SqliteDatabase.Database | undefined;
const handles: DbHandle[] = [];

/** A handle like every app's, on the test's file, with a `notes` table to write to. */
async function open(
  options: { busyTimeoutMs?: number; backgroundCheckpoints?: boolean } = {},
): Promise<DbHandle> {
  const handle = createDb({ dialect: 'sqlite', file }, options);
  handles.push(handle);
  await sql`create table if not exists notes (text text not null)`.execute(handle.db);
  return handle;
}

/** Another process's connection (the worker's, say) taking the write lock and keeping it. */
function holdWriteLock(): SqliteDatabase.Database {
  const connection = new SqliteDatabase(file);
  other = connection;
  connection.exec('begin immediate');
  return connection;
}

/** Turns the event loop until `stop()` says so; how many turns it made. */
function spinLoop() {
  let turns = 0;
  let stopped = false;
  const spin = () => {
    turns += 1;
    if (!stopped) setImmediate(spin);
  };
  setImmediate(spin);
  return {
    stop: () => {
      stopped = true;
      return turns;
    },
  };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ayni-sqlite-lock-'));
  file = path.join(dir, 'test.db');
});
afterEach(async () => {
  other?.close();
  other = undefined;
  for (const handle of handles.splice(0)) await handle.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('a SQLite transaction meeting another connection’s write lock', () => {
  it('waits without blocking the event loop, then commits once the lock is released', async () => {
    const { db } = await open();
    const lock = holdWriteLock();
    let state: 'waiting' | 'inside' | 'committed' | 'failed' = 'waiting';
    const written = db
      .transaction()
      .execute(async (trx) => {
        state = 'inside';
        await sql`insert into notes (text) values ('written')`.execute(trx);
      })
      .then(
        () => void (state = 'committed'),
        (error: unknown) => {
          state = 'failed';
          throw error;
        },
      );
    // Timers on the same loop keep firing while the lock is held, and the transaction has not started. (Had its
    // BEGIN IMMEDIATE waited in SQLite's busy handler, the loop would have stood still for the whole busy timeout
    // and the transaction failed with SQLITE_BUSY before the first timer.)
    for (let fired = 0; fired < 20; fired += 1) {
      await timer(1);
      expect(state).toBe('waiting');
    }
    lock.exec('commit');
    await written;
    expect(state).toBe('committed');
    expect(lock.prepare('select text from notes').all()).toEqual([{ text: 'written' }]);
  });

  it('lets a write outside a transaction wait the same way', async () => {
    const { db } = await open();
    const lock = holdWriteLock();
    let done = false;
    const written = sql`insert into notes (text) values ('alone')`.execute(db).then(() => void (done = true));
    for (let fired = 0; fired < 20; fired += 1) {
      await timer(1);
      expect(done).toBe(false);
    }
    // Reads do not wait for the writer (WAL): on another handle (the site's page cache has one of its own; this
    // handle's next query waits for the write before it) a page served meanwhile still reads.
    const reader = await open();
    const read = await sql<{ n: number }>`select count(*) as n from notes`.execute(reader.db);
    expect(read.rows).toEqual([{ n: 0 }]);
    lock.exec('commit');
    await written;
    expect(lock.prepare('select text from notes').all()).toEqual([{ text: 'alone' }]);
  });

  it('gives up with SQLITE_BUSY once the busy timeout has passed, the loop turning meanwhile', async () => {
    const { db } = await open({ busyTimeoutMs: 30 });
    const lock = holdWriteLock();
    const loop = spinLoop();
    const attempt = db.transaction().execute(async (trx) => {
      await sql`insert into notes (text) values ('never')`.execute(trx);
    });
    await expect(attempt).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(loop.stop()).toBeGreaterThan(0);
    lock.exec('rollback');
    expect(lock.prepare('select count(*) as n from notes').get()).toEqual({ n: 0 });
    // The handle is usable afterwards: the failed start left no transaction open.
    await db.transaction().execute(async (trx) => {
      await sql`insert into notes (text) values ('later')`.execute(trx);
    });
    expect(lock.prepare('select text from notes').all()).toEqual([{ text: 'later' }]);
  });
});

describe('background checkpoints (the site’s handle)', () => {
  it('leave the WAL to a worker thread: the connection’s commits never checkpoint, the thread does', async () => {
    const handle = await open({ backgroundCheckpoints: true });
    const setting = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(handle.db);
    expect(setting.rows).toEqual([{ wal_autocheckpoint: 0 }]);
    const before = statSync(file).size;
    // About 2 MB in 200 commits: far past the 1,000 pages (4 MB of WAL at most) after which a commit checkpoints.
    for (let i = 0; i < 200; i += 1) {
      await handle.db.transaction().execute(async (trx) => {
        await sql`insert into notes (text) values (${'x'.repeat(10_000)})`.execute(trx);
      });
    }
    // The pages reach the database file only through a checkpoint, and only the thread makes them.
    await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(before + 1_000_000), {
      timeout: 10_000,
    });
    await handle.destroy();
    handles.splice(handles.indexOf(handle), 1);
  });
});
