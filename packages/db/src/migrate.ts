// Runs the frozen migrations with Kysely's Migrator (it takes a lock, so several processes may call it at once).
import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations/index.js';

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function applied({ error, results }: MigrationResultSet): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return applied(await migrator(db).migrateToLatest());
}

/**
 * Migrates up to and including `name` (upgrade tests start from the schema before a migration). Only forwards:
 * a database already past `name` is refused rather than migrated down.
 */
export async function migrateTo(db: Kysely<any>, name: string): Promise<string[]> {
  if (!(name in migrations)) throw new Error(`No migration named ${name}`);
  const done = (await migrator(db).getMigrations()).filter((m) => m.executedAt !== undefined);
  const names = Object.keys(migrations).sort();
  if (done.some((m) => names.indexOf(m.name) > names.indexOf(name))) {
    throw new Error(`The database is already past ${name}`);
  }
  return applied(await migrator(db).migrateTo(name));
}

/** The migration that runs just before `name`. */
export function migrationBefore(name: string): string {
  const names = Object.keys(migrations).sort();
  const index = names.indexOf(name);
  if (index < 1) throw new Error(`No migration runs before ${name}`);
  return names[index - 1]!;
}
