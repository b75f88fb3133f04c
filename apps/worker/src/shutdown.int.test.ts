// Graceful shutdown with real parts: the worker is sending an email to a (slow) SMTP server when it gets SIGTERM;
// it stops taking jobs, finishes that delivery, records it, and exits 0.
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findMessage, saveSettings } from '@ayni/db';
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import { systemClock } from '@ayni/domain';
import { allJobs, createMailer, createQueue, queueEmail } from '@ayni/jobs';
import { waitFor } from '@ayni/jobs/testing';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = pathToFileURL(path.resolve(here, '../node_modules/tsx/dist/loader.mjs')).href;
const logger = pino({ level: 'silent' });
let t: TestDatabase;
let smtp: SMTPServer;
let port = 0;
let deliveryStarted = false;
let delivered = 0;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    onData(stream, _session, callback) {
      deliveryStarted = true;
      stream.resume();
      stream.on('end', () =>
        setTimeout(() => {
          delivered++;
          callback();
        }, 1500),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
  t = await createTestDatabase();
  await saveSettings(t.db, { organisationName: 'Test Org', siteUrl: 'https://test.example.org' });
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await t?.cleanup();
});

describe('worker shutdown', () => {
  it('finishes the email it is sending on SIGTERM, records it, and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', tsx, path.join(here, 'main.ts')], {
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        NODE_ENV: 'test',
        // Both required on PostgreSQL; on SQLite they would be generated into data/.
        SECRETS_KEY: 'shutdown-test-secrets-key-shutdown-test',
        AUTH_SECRET: 'shutdown-test-auth-secret-shutdown-test-auth',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await waitFor(() => output.includes('Worker ready'), 20_000, 'the worker to start');

    const producer = createQueue({
      handle: t,
      definitions: allJobs,
      clock: systemClock,
      logger,
      services: { mailer: createMailer({ outboxDir: '/nonexistent', logger }) },
      timeZone: 'Europe/London',
      role: 'producer',
    });
    await producer.start();
    const id = await queueEmail(
      t.db,
      producer,
      { to: 'someone@example.org', template: 'test-message', language: 'en', data: { requestedBy: 'Rosa' } },
      { clock: systemClock },
    );
    await waitFor(() => deliveryStarted, 20_000, 'the delivery to start');
    child.kill('SIGTERM');

    expect(await exited).toBe(0);
    expect(delivered).toBe(1);
    expect((await findMessage(t.db, id))?.status).toBe('sent');
    expect(output).toContain('Worker stopped');
    await producer.stop(1_000);
  });
});
