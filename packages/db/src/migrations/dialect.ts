// Frozen helper for migrations: which dialect a migration runs on, for the few places where SQL differs.
import { PostgresAdapter, type Kysely } from 'kysely';

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
