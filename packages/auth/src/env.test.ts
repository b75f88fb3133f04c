import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { authEnvSchema, authSecret, readSecretFile } from './env.js';

describe('the auth secret', () => {
  it('is generated once, kept with mode 0600, and read back on the next start', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'ayni-secret-')), 'data');
    const first = readSecretFile(dir);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(path.join(dir, 'auth-secret')).mode & 0o777).toBe(0o600);
    expect(readSecretFile(dir)).toBe(first);
    expect(readFileSync(path.join(dir, 'auth-secret'), 'utf8').trim()).toBe(first);
  });

  it('refuses a short AUTH_SECRET', () => {
    const result = authEnvSchema.safeParse({ AUTH_SECRET: 'too-short' });
    expect(result.error?.issues[0]?.message).toBe(
      'must be at least 32 characters (e.g. `openssl rand -hex 32`)',
    );
  });

  it('is required on PostgreSQL, where each machine would otherwise make its own', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'ayni-secret-')), 'data');
    const env = authEnvSchema.parse({ DATABASE_URL: 'postgres://ayni@db.example.org/ayni' });
    expect(() => authSecret(env, dir)).toThrow(
      'AUTH_SECRET is required when DATABASE_URL is PostgreSQL: set the same value on every machine (at least 32 characters, e.g. `openssl rand -hex 32`)',
    );
    const secret = 'a'.repeat(40);
    expect(authSecret({ ...env, AUTH_SECRET: secret }, dir)).toBe(secret);
    expect(authSecret(authEnvSchema.parse({ DATABASE_URL: path.join(dir, 'ayni.db') }), dir)).toMatch(
      /^[0-9a-f]{64}$/,
    );
  });
});
