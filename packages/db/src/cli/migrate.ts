// pnpm db:migrate — brings the database named by DATABASE_URL (default data/ayni.db) up to date.
import { createDb } from '../connection.js';
import { ConfigError } from '../env.js';
import { migrateToLatest } from '../migrate.js';

try {
  const handle = createDb();
  const applied = await migrateToLatest(handle.db);
  console.log(
    applied.length > 0
      ? `Migrated ${handle.description}: ${applied.join(', ')}`
      : `Database ${handle.description} is up to date`,
  );
  await handle.destroy();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
