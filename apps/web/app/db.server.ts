// One database handle per server process, shared by every loader, and a second one for the content fingerprint
// that every page request reads first (cache.server.ts): on its own connection that read never waits behind the
// writes of a signing transaction (SQLite has one connection per handle; a PostgreSQL pool can be all in use),
// so cached pages keep being answered while people sign. A read on either sees every commit made before it. The
// main handle checkpoints the WAL in a worker thread, not inside its commits (docs/decisions/0015).
import { createDb, type DbHandle } from '@ayni/db';

let handle: DbHandle | undefined;
let fingerprintHandle: DbHandle | undefined;

export function dbHandle(): DbHandle {
  handle ??= createDb(undefined, { backgroundCheckpoints: true });
  return handle;
}

export function db(): DbHandle['db'] {
  return dbHandle().db;
}

/** The connection the content fingerprint is read on (a pool of two on PostgreSQL). */
export function fingerprintDb(): DbHandle['db'] {
  fingerprintHandle ??= createDb(undefined, { poolSize: 2 });
  return fingerprintHandle.db;
}
