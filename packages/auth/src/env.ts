// Auth configuration from the environment. AUTH_SECRET if set; otherwise, on SQLite (one machine), a random secret
// is generated on first run and kept in data/auth-secret (mode 0600), so production mode starts on a fresh clone
// without a .env. On PostgreSQL it is required: the admin and the worker may run on several machines, and each
// would generate its own secret, so one's sessions and emailed sign-in links would not work on another.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, dataDir, parseDatabaseUrl } from '@ayni/db';
import { z } from 'zod';

export const authEnvSchema = z.object({
  AUTH_SECRET: z
    .string()
    .min(32, { error: 'must be at least 32 characters (e.g. `openssl rand -hex 32`)' })
    .optional(),
  DATABASE_URL: z.string().optional(),
  ADMIN_URL: z.url({ error: 'must be a URL such as http://localhost:3001' }).default('http://localhost:3001'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  AUTH_SIGN_IN_MAX: z.coerce
    .number({ error: 'must be a whole number of attempts' })
    .int({ error: 'must be a whole number of attempts' })
    .min(1, { error: 'must be a whole number of attempts' })
    .default(5),
  AUTH_SIGN_IN_WINDOW_SECONDS: z.coerce
    .number({ error: 'must be a whole number of seconds' })
    .int({ error: 'must be a whole number of seconds' })
    .min(1, { error: 'must be a whole number of seconds' })
    .default(60),
});

export type AuthEnv = z.infer<typeof authEnvSchema>;

export function readSecretFile(dir: string = dataDir): string {
  const file = path.join(dir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}

/** AUTH_SECRET, else (SQLite only) the generated one; throws a ConfigError with one line naming the variable. */
export function authSecret(env: AuthEnv, dir: string = dataDir): string {
  if (env.AUTH_SECRET !== undefined) return env.AUTH_SECRET;
  if (parseDatabaseUrl(env.DATABASE_URL).dialect === 'postgres') {
    throw new ConfigError(
      'AUTH_SECRET is required when DATABASE_URL is PostgreSQL: set the same value on every machine (at least 32 characters, e.g. `openssl rand -hex 32`)',
    );
  }
  return readSecretFile(dir);
}
