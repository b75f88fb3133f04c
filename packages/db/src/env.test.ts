import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadSecretsKey, parseDatabaseUrl } from './env.js';
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

describe('loadSecretsKey', () => {
  const dir = () => path.join(mkdtempSync(path.join(tmpdir(), 'ayni-secrets-')), 'data');
  const KEY = 'a-secrets-key-of-at-least-32-characters';
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as Error).message;
    }
    return 'not refused';
  };

  it('uses SECRETS_KEY when it is set', () => {
    expect(loadSecretsKey({ SECRETS_KEY: KEY }, { dir: dir() })).toBe(KEY);
    expect(loadSecretsKey({ SECRETS_KEY: KEY, DATABASE_URL: 'postgres://u@h/db' })).toBe(KEY);
  });

  it('on SQLite without SECRETS_KEY, generates one into data/secrets-key (mode 0600) and reads it back', () => {
    const d = dir();
    const first = loadSecretsKey({}, { dir: d });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(path.join(d, 'secrets-key')).mode & 0o777).toBe(0o600);
    expect(loadSecretsKey({ DATABASE_URL: '/tmp/other.db' }, { dir: d })).toBe(first);
    expect(readFileSync(path.join(d, 'secrets-key'), 'utf8').trim()).toBe(first);
  });

  it('requires SECRETS_KEY on PostgreSQL, in one line naming it', () => {
    expect(refusal(() => loadSecretsKey({ DATABASE_URL: 'postgres://u@h/db' }, { dir: dir() }))).toBe(
      'SECRETS_KEY is required when DATABASE_URL is PostgreSQL: set the same value on every machine (at least 32 characters, e.g. `openssl rand -hex 32`)',
    );
  });

  it('refuses a short SECRETS_KEY', () => {
    expect(refusal(() => loadSecretsKey({ SECRETS_KEY: 'too-short' }, { dir: dir() }))).toBe(
      'SECRETS_KEY must be at least 32 characters (e.g. `openssl rand -hex 32`)',
    );
  });

  it('refuses SECRETS_KEY equal to AUTH_SECRET', () => {
    expect(refusal(() => loadSecretsKey({ SECRETS_KEY: KEY, AUTH_SECRET: KEY }, { dir: dir() }))).toBe(
      'SECRETS_KEY must not be the same as AUTH_SECRET: give each its own value',
    );
  });

  it('refuses a data/secrets-key that holds no usable key', () => {
    const d = dir();
    mkdirSync(d, { recursive: true });
    writeFileSync(path.join(d, 'secrets-key'), 'short\n');
    expect(refusal(() => loadSecretsKey({}, { dir: d }))).toBe(
      `SECRETS_KEY is unset and ${path.join(d, 'secrets-key')} holds no usable key (at least 32 characters): restore it, or set SECRETS_KEY`,
    );
  });
});
