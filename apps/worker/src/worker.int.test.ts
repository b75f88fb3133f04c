// Starts the built worker as a real process on a real database: it announces itself, writes its heartbeat (what
// the admin reads), and exits 0 on SIGTERM.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createDb, lastWorkerSeenAt, repoRoot } from '@ayni/db';
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
// tsx's loader by absolute URL, so the worker can start from any folder.
const tsx = pathToFileURL(path.resolve(here, '../node_modules/tsx/dist/loader.mjs')).href;
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.cleanup();
});

describe('the worker process', () => {
  it('logs that it is ready, records a heartbeat, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', tsx, path.join(here, 'main.ts')], {
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        WORKER_HEARTBEAT_SECONDS: '1',
        NODE_ENV: 'test',
        // Both required on PostgreSQL; on SQLite they would be generated into data/.
        SECRETS_KEY: 'worker-test-secrets-key-worker-test-secrets',
        AUTH_SECRET: 'worker-test-auth-secret-worker-test-auth-secret',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    for (let i = 0; i < 200 && !output.includes('Worker ready'); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain('Worker ready');
    const first = await lastWorkerSeenAt(t.db);
    expect(first).not.toBeNull();
    let later = first;
    for (let i = 0; i < 50 && later?.getTime() === first?.getTime(); i++) {
      await new Promise((r) => setTimeout(r, 100));
      later = await lastWorkerSeenAt(t.db);
    }
    expect(later!.getTime()).toBeGreaterThan(first!.getTime());

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('Worker stopped');
  });

  it('refuses a bad setting with one line naming it', async () => {
    const child = spawn(process.execPath, ['--import', tsx, path.join(here, 'main.ts')], {
      env: { ...process.env, DATABASE_URL: 'mysql://x/y' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'DATABASE_URL must be a SQLite file path, a file: URL or a postgres:// URL (got "mysql://x/y")',
    );
  });

  // The other SECRETS_KEY and AUTH_SECRET rules are unit tests of loadSecretsKey (packages/db) and authSecret
  // (packages/auth).
  it.each([
    [
      { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', SECRETS_KEY: undefined },
      'SECRETS_KEY is required when DATABASE_URL is PostgreSQL: set the same value on every machine (at least 32 characters, e.g. `openssl rand -hex 32`)',
    ],
    [
      {
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        SECRETS_KEY: 'worker-test-secrets-key-worker-test-secrets',
        AUTH_SECRET: undefined,
      },
      'AUTH_SECRET is required when DATABASE_URL is PostgreSQL: set the same value on every machine (at least 32 characters, e.g. `openssl rand -hex 32`)',
    ],
  ])(
    'refuses to start on PostgreSQL without a shared secret, in one line naming it',
    async (settings, line) => {
      const env: NodeJS.ProcessEnv = { ...process.env, ...settings };
      for (const [name, value] of Object.entries(settings)) if (value === undefined) delete env[name];
      const child = spawn(process.execPath, ['--import', tsx, path.join(here, 'main.ts')], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(line);
    },
  );
});

describe('the default SQLite file', () => {
  it('is found from the repository root whatever folder the worker starts in', async () => {
    // A relative DATABASE_URL resolves like the default data/ayni.db: from the repository root, not the cwd.
    const relative = `data/test-worker-${process.pid}-${Date.now()}.db`;
    const child = spawn(process.execPath, ['--import', tsx, path.join(here, 'main.ts')], {
      cwd: tmpdir(),
      env: { ...process.env, DATABASE_URL: relative, WORKER_HEARTBEAT_SECONDS: '1', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 200 && !output.includes('Worker ready'); i++)
        await new Promise((r) => setTimeout(r, 100));
      // What the worker wrote is what a reader elsewhere in the repository sees.
      const reader = createDb(path.join(repoRoot, relative));
      expect(await lastWorkerSeenAt(reader.db)).not.toBeNull();
      await reader.destroy();
    } finally {
      child.kill('SIGTERM');
      await exited;
      for (const suffix of ['', '-wal', '-shm'])
        rmSync(path.join(repoRoot, relative + suffix), { force: true });
    }
  });
});
