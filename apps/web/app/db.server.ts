// One database handle per server process, shared by every loader.
import { createDb, type DbHandle } from '@ayni/db';

let handle: DbHandle | undefined;

export function dbHandle(): DbHandle {
  handle ??= createDb();
  return handle;
}

export function db(): DbHandle['db'] {
  return dbHandle().db;
}
