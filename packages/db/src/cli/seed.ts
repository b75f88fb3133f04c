// pnpm db:seed — migrates, then adds the demo content when the database has no articles yet.
import { systemClock } from '@ayni/domain';
import { createDb } from '../connection.js';
import { ConfigError } from '../env.js';
import { randomIds } from '../ids.js';
import { migrateToLatest } from '../migrate.js';
import { seedDemo } from '../seed.js';

try {
  const handle = createDb();
  await migrateToLatest(handle.db);
  // SITE_URL (if set) becomes the site address in the demo settings: links in feeds and emails use it.
  const result = await seedDemo(handle.db, {
    clock: systemClock,
    ids: randomIds,
    siteUrl: process.env.SITE_URL,
  });
  console.log(
    result.seeded ? `Seeded demo content into ${handle.description}` : `Seed skipped: ${result.reason}`,
  );
  await handle.destroy();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
