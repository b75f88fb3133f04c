// Prints the SQL better-auth would add for our current options, for SQLite and for PostgreSQL, on top of the
// migrations already in packages/db — the text to freeze into the next migration when a plugin is added.
// (run: pnpm --filter @ayni/auth exec tsx scripts/generate-migration-sql.ts; needs an empty PostgreSQL database
// in GEN_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/ayni_gen.)
import { createDb, migrateToLatest } from '@ayni/db';
import { getMigrations } from 'better-auth/db/migration';
import { authOptions } from '../src/auth.js';

for (const url of [
  ':memory:',
  process.env.GEN_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/ayni_gen',
]) {
  const handle = createDb(url === ':memory:' ? { dialect: 'sqlite', file: ':memory:' } : url);
  await migrateToLatest(handle.db);
  const options = authOptions(handle, {
    secret: 'x'.repeat(32),
    baseURL: 'http://localhost:3001',
    production: false,
  });
  const { compileMigrations } = await getMigrations(options);
  console.log(`-- ${handle.dialect}\n${await compileMigrations()}\n`);
  await handle.destroy();
}
