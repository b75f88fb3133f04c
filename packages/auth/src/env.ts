// Auth configuration from the environment. AUTH_SECRET if set; otherwise a random secret is generated on first
// run and kept in data/auth-secret (mode 0600), so production mode starts on a fresh clone without a .env.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '@ayni/db';
import { z } from 'zod';

export const authEnvSchema = z.object({
  AUTH_SECRET: z
    .string()
    .min(32, { error: 'must be at least 32 characters (e.g. `openssl rand -hex 32`)' })
    .optional(),
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

export function authSecret(env: AuthEnv): string {
  return env.AUTH_SECRET ?? readSecretFile();
}
