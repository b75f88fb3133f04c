// "Forgot your password?" cannot be used to flood someone's inbox: whatever addresses the requests come from,
// one account gets at most 3 reset emails an hour, and the requester sees the same answer either way.
import type { Server } from 'node:http';
import { createAuth, setupOwner } from '@ayni/auth';
import { listMessages } from '@ayni/db';
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import { systemClock } from '@ayni/domain';
import { queueEmail, type Queue } from '@ayni/jobs';
import { startProducerQueue } from '@ayni/jobs/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminApp } from './app.js';
import { listenOnFreePort } from './listen.testing.js';

let t: TestDatabase;
let server: Server;
let queue: Queue;
let base: string;

beforeAll(async () => {
  t = await createTestDatabase();
  queue = await startProducerQueue(t, systemClock);
  // As the admin's main.ts does: the reset email goes out as a message record and a job (the worker mints the
  // link when it sends it).
  const auth = createAuth(t, {
    secret: 'test-secret-test-secret-test-secret!',
    baseURL: 'http://localhost:3001',
    production: false,
    signInLimit: { window: 60, max: 50 },
    sendResetPassword: async ({ email, name, userId }) => {
      await queueEmail(
        t.db,
        queue,
        { to: email, template: 'password-reset', language: 'en', data: { userId, name } },
        { clock: systemClock },
      );
    },
  });
  await setupOwner(
    auth,
    t,
    { name: 'Rosa', email: 'rosa@example.org', password: 'rosa long password' },
    systemClock,
  );
  // Behind a proxy on loopback, so each request can come from its own client address.
  const app = createAdminApp({
    handle: t,
    queue,
    auth,
    clock: systemClock,
    logger: pino({ level: 'silent' }),
    trustProxy: 'loopback',
  });
  ({ server, base } = await listenOnFreePort(app));
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await queue?.stop(1_000);
  await t?.cleanup();
});

describe('password-reset requests', () => {
  it('send at most 3 emails an hour to one address, whatever the client address, with one answer', async () => {
    const answers: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await fetch(`${base}/api/auth/request-password-reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i}` },
        body: JSON.stringify({ email: 'rosa@example.org', redirectTo: '/reset-password' }),
      });
      answers.push(`${res.status} ${await res.text()}`);
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/^200 /);

    const resets = (await listMessages(t.db, { limit: 100 })).filter(
      (m) => m.template === 'password-reset' && m.recipient === 'rosa@example.org',
    );
    expect(resets).toHaveLength(3);

    // An address with no account gets the same answer.
    const unknown = await fetch(`${base}/api/auth/request-password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.9' },
      body: JSON.stringify({ email: 'nobody@example.org', redirectTo: '/reset-password' }),
    });
    expect(`${unknown.status} ${await unknown.text()}`).toBe(answers[0]);
  });
});
