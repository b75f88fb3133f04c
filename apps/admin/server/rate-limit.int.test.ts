// Sign-in attempts are limited per client address, and a client cannot choose its address with a header.
import type { Server } from 'node:http';
import { createTestAuth } from '@ayni/auth/testing';
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import { fixedClock } from '@ayni/domain';
import type { Queue } from '@ayni/jobs';
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
  // The admin only enqueues: no worker runs here, so queued work stays queued.
  queue = await startProducerQueue(t, fixedClock('2026-11-27T12:00:00.000Z'));
  const app = createAdminApp({
    handle: t,
    queue,
    auth: createTestAuth(t, { window: 60, max: 3 }),
    clock: fixedClock('2026-11-27T12:00:00.000Z'),
    logger: pino({ level: 'silent' }),
  });
  ({ server, base } = await listenOnFreePort(app));
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await queue?.stop(1_000);
  await t?.cleanup();
});

describe('the sign-in rate limit', () => {
  it('counts every attempt from one client, whatever address headers it sends', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const res = await fetch(`${base}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `198.51.100.${i}`,
          'x-ayni-client-ip': `198.51.100.${i}`,
        },
        body: JSON.stringify({ email: 'nobody@example.org', password: 'a wrong password' }),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
