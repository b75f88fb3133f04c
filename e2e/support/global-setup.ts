// Seeds a fresh SQLite database with the demo content, starts the built site, admin and worker on it, and
// stops them when the run ends. Tests therefore see exactly what a newcomer sees after `npm start`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { ADMIN_PORT, ADMIN_URL, SITE_PORT, SITE_URL } from './servers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function waitFor(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`Process for ${url} exited early:\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${url}:\n${log()}`);
}

/** A real SMTP server for the run: every message it receives is written to MAIL_DIR as an .eml file. */
async function startSmtp(mailDir: string): Promise<{ server: SMTPServer; port: number }> {
  mkdirSync(mailDir, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        writeFileSync(path.join(mailDir, `${Date.now()}-${++n}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port };
}

export default async function globalSetup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'ayni-e2e-'));
  const mailDir = path.join(dir, 'mail');
  const smtp = await startSmtp(mailDir);
  process.env.E2E_MAIL_DIR = mailDir;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: path.join(dir, 'e2e.db'),
    PORT: String(SITE_PORT),
    ADMIN_PORT: String(ADMIN_PORT),
    ADMIN_URL,
    SITE_URL,
    // The worker mints the emails' links through better-auth, so it gets the admin's AUTH_SECRET and ADMIN_URL.
    AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e',
    SECRETS_KEY: 'e2e-secrets-key-e2e-secrets-key-e2e-secrets-key',
    WORKER_HEARTBEAT_SECONDS: '2',
    AUTH_SIGN_IN_MAX: '100',
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    // Campaign pages may show a count a second old (60 s in production), so a confirmed signature shows at once.
    CAMPAIGN_COUNT_SECONDS: '1',
  };
  process.env.E2E_DATABASE_URL = env.DATABASE_URL;
  const seed = spawnSync(process.execPath, ['packages/db/dist/cli/seed.js'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (seed.status !== 0) throw new Error(`Seeding failed:\n${seed.stdout}\n${seed.stderr}`);

  const apps = [
    { name: 'web', cwd: 'apps/web', args: ['server.js'], health: `${SITE_URL}/healthz` },
    { name: 'admin', cwd: 'apps/admin', args: ['dist/server/main.js'], health: `${ADMIN_URL}/healthz` },
    // The partner-feeds journey serves its fixture feeds from 127.0.0.1; only the worker fetches them.
    {
      name: 'worker',
      cwd: 'apps/worker',
      args: ['dist/main.js'],
      health: null,
      env: { FEED_FETCH_ALLOW_LOOPBACK: 'true' },
    },
  ];
  const children: ChildProcess[] = [];
  for (const app of apps) {
    let output = '';
    const child = spawn(process.execPath, app.args, {
      cwd: path.join(root, app.cwd),
      env: { ...env, ...('env' in app ? app.env : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    children.push(child);
    if (app.health) await waitFor(app.health, child, () => output);
  }

  return async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null) return resolve();
            c.on('exit', () => resolve());
            c.kill('SIGTERM');
          }),
      ),
    );
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  };
}
