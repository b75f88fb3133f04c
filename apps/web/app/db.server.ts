// One database handle per server process, shared by every loader.
import { createDb, type DbHandle } from '@ayni/db';

let handle: DbHandle | undefined;

export function db(): DbHandle['db'] {
  handle ??= createDb();
  return handle.db;
}
