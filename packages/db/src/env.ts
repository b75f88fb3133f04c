// DATABASE_URL: unset → the embedded SQLite file data/ayni.db at the repository root; a path or file: URL →
// that SQLite file; postgres:// or postgresql:// → PostgreSQL. Anything else stops start-up with one line.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { defaultDatabaseFile, repoRoot } from './paths.js';

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
