import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseDatabaseUrl } from './env.js';
import { defaultDatabaseFile, repoRoot } from './paths.js';

describe('parseDatabaseUrl', () => {
  it('defaults to data/ayni.db at the repository root', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({
      dialect: 'sqlite',
      file: path.join(repoRoot, 'data', 'ayni.db'),
    });
    expect(parseDatabaseUrl('')).toEqual({ dialect: 'sqlite', file: defaultDatabaseFile });
  });

  it('resolves relative paths from the repository root, not the current folder', () => {
    const cwd = process.cwd();
    process.chdir(path.join(repoRoot, 'packages'));
    try {
      expect(parseDatabaseUrl('data/other.db')).toEqual({
        dialect: 'sqlite',
        file: path.join(repoRoot, 'data/other.db'),
      });
      expect(parseDatabaseUrl('file:data/x.db')).toEqual({
        dialect: 'sqlite',
        file: path.join(repoRoot, 'data/x.db'),
      });
    } finally {
      process.chdir(cwd);
    }
  });

  it('accepts absolute paths and file:// URLs', () => {
    expect(parseDatabaseUrl('/tmp/a.db')).toEqual({ dialect: 'sqlite', file: '/tmp/a.db' });
    expect(parseDatabaseUrl('file:///tmp/b.db')).toEqual({ dialect: 'sqlite', file: '/tmp/b.db' });
  });

  it('recognises PostgreSQL URLs', () => {
    expect(parseDatabaseUrl('postgres://u@127.0.0.1:5432/ayni')).toEqual({
      dialect: 'postgres',
      url: 'postgres://u@127.0.0.1:5432/ayni',
    });
    expect(parseDatabaseUrl('postgresql://h/db').dialect).toBe('postgres');
  });

  it('refuses other schemes with one line naming the variable, without echoing a password', () => {
    expect(() => parseDatabaseUrl('mysql://root:hunter2@x/db')).toThrow(ConfigError);
    expect(() => parseDatabaseUrl('mysql://root:hunter2@x/db')).toThrow(
      'DATABASE_URL must be a SQLite file path, a file: URL or a postgres:// URL (got "mysql://***@x/db")',
    );
  });
});
