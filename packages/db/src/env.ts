// DATABASE_URL: unset → the embedded SQLite file data/ayni.db at the repository root; a path or file: URL →
// that SQLite file; postgres:// or postgresql:// → PostgreSQL. Anything else stops start-up with one line.
// SECRETS_KEY: the key of the apps' own keyed hashes and encryption (see secrets.ts and docs/decisions/0009).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { dataDir, defaultDatabaseFile, repoRoot } from './paths.js';

export type DatabaseTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const databaseUrlSchema = z
  .string()
  .trim()
  .refine((v) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || /^(postgres|postgresql|file):\/\//i.test(v), {
    error: 'must be a SQLite file path, a file: URL or a postgres:// URL',
  });

export function parseDatabaseUrl(value: string | undefined): DatabaseTarget {
  if (value === undefined || value.trim() === '') return { dialect: 'sqlite', file: defaultDatabaseFile };
  const parsed = databaseUrlSchema.safeParse(value);
  if (!parsed.success) {
    throw new ConfigError(
      `DATABASE_URL ${parsed.error.issues[0]?.message ?? 'is invalid'} (got "${value.replace(/\/\/[^@]*@/, '//***@')}")`,
    );
  }
  const v = parsed.data;
  if (/^postgres(ql)?:\/\//i.test(v)) return { dialect: 'postgres', url: v };
  if (/^file:/i.test(v)) {
    const file = v.startsWith('file://') ? fileURLToPath(v) : v.slice('file:'.length);
    return { dialect: 'sqlite', file: path.resolve(repoRoot, file) };
  }
  return { dialect: 'sqlite', file: path.resolve(repoRoot, v) };
}

/** Reads DATABASE_URL from the environment; the only place this package looks at process.env. */
export function databaseTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  return parseDatabaseUrl(env.DATABASE_URL);
}

export const MIN_SECRETS_KEY_LENGTH = 32;

const secretsKeyEnvSchema = z.object({
  SECRETS_KEY: z
    .string()
    .min(MIN_SECRETS_KEY_LENGTH, {
      error: `SECRETS_KEY must be at least ${MIN_SECRETS_KEY_LENGTH} characters (e.g. \`openssl rand -hex 32\`)`,
    })
    .optional(),
  AUTH_SECRET: z.string().optional(),
  DATABASE_URL: z.string().optional(),
});

/**
 * The SECRETS_KEY every app validates at start-up; throws a ConfigError with one line naming the variable. Unset on
 * SQLite (one machine): generated once into data/secrets-key (mode 0600). Unset on PostgreSQL: refused, because
 * every machine must hold the same key or they cannot read each other's hashes and encrypted values.
 */
export function loadSecretsKey(env: NodeJS.ProcessEnv = process.env, options: { dir?: string } = {}): string {
  const parsed = secretsKeyEnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues[0]!.message);
  const { SECRETS_KEY, AUTH_SECRET, DATABASE_URL } = parsed.data;
  let key = SECRETS_KEY;
  if (key === undefined) {
    if (parseDatabaseUrl(DATABASE_URL).dialect === 'postgres') {
      throw new ConfigError(
        `SECRETS_KEY is required when DATABASE_URL is PostgreSQL: set the same value on every machine (at least ${MIN_SECRETS_KEY_LENGTH} characters, e.g. \`openssl rand -hex 32\`)`,
      );
    }
    key = readSecretsKeyFile(options.dir ?? dataDir);
  }
  // One leaked secret must not give away the other: sessions and our own hashes/encryption stay separate.
  if (AUTH_SECRET !== undefined && key === AUTH_SECRET) {
    throw new ConfigError('SECRETS_KEY must not be the same as AUTH_SECRET: give each its own value');
  }
  return key;
}

function readSecretsKeyFile(dir: string): string {
  const file = path.join(dir, 'secrets-key');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    // Written aside and linked into place, so an app starting at the same moment reads a whole key or none; the
    // loser of the race reads the winner's.
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temporary, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(temporary, 0o600);
    try {
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(temporary, { force: true });
    }
  }
  const key = readFileSync(file, 'utf8').trim();
  if (key.length < MIN_SECRETS_KEY_LENGTH) {
    throw new ConfigError(
      `SECRETS_KEY is unset and ${file} holds no usable key (at least ${MIN_SECRETS_KEY_LENGTH} characters): restore it, or set SECRETS_KEY`,
    );
  }
  return key;
}
