// The API over HTTP as an attacker would try it: forms posted from another origin with the staff cookie
// (cross-site request forgery).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestAuth } from '@ayni/auth/testing';
import { listMessages } from '@ayni/db';
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import { fixedClock } from '@ayni/domain';
import type { Queue } from '@ayni/jobs';
import { startProducerQueue } from '@ayni/jobs/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminApp } from './app.js';

const clock = fixedClock('2026-11-27T12:00:00.000Z');
// createTestAuth's address: the origin the admin accepts for sign-in.
const ADMIN_ORIGIN = 'http://localhost:3001';
let t: TestDatabase;
let server: Server;
let queue: Queue;
let base: string;
let cookie: string;

beforeAll(async () => {
  t = await createTestDatabase();
  queue = await startProducerQueue(t, clock);
  const app = createAdminApp({
    handle: t,
    queue,
    auth: createTestAuth(t),
    clock,
    logger: pino({ level: 'silent' }),
  });
  server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const owner = { name: 'Rosa', email: 'rosa@example.org', password: 'long enough password' };
  const setup = await fetch(`${base}/trpc/setup.createOwner`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ADMIN_ORIGIN },
    body: JSON.stringify(owner),
  });
  expect(setup.status).toBe(200);
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ADMIN_ORIGIN },
    body: JSON.stringify({ email: owner.email, password: owner.password }),
  });
  expect(signIn.status).toBe(200);
  cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await queue?.stop(1_000);
  await t?.cleanup();
});

const testMessages = async () =>
  (await listMessages(t.db, { limit: 100 })).filter((m) => m.template === 'test-message').length;

describe('cross-site request forgery', () => {
  it('refuses forms auto-submitted from another origin with the staff cookie, and queues nothing', async () => {
    const evil = 'http://localhost:8765';
    const form = new FormData();
    form.set('x', '1');
    const attacks: { name: string; headers: Record<string, string>; body: FormData | string }[] = [
      { name: 'multipart', headers: { origin: evil }, body: form },
      {
        name: 'urlencoded',
        headers: { origin: evil, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'x=1',
      },
      { name: 'text/plain', headers: { origin: evil, 'content-type': 'text/plain' }, body: '{}' },
      // A browser that sends no Origin still says where the request came from.
      { name: 'no Origin', headers: { 'sec-fetch-site': 'cross-site' }, body: form },
      { name: 'Origin null', headers: { origin: 'null' }, body: form },
      // Not a form at all, but still from elsewhere.
      { name: 'json', headers: { origin: evil, 'content-type': 'application/json' }, body: '{}' },
      { name: 'same-site', headers: { 'sec-fetch-site': 'same-site' }, body: form },
    ];
    for (const attack of attacks) {
      const res = await fetch(`${base}/trpc/messages.sendTest`, {
        method: 'POST',
        headers: { cookie, 'sec-fetch-mode': 'navigate', ...attack.headers },
        body: attack.body,
      });
      expect([403, 415], attack.name).toContain(res.status);
    }
    expect(await testMessages()).toBe(0);
  });

  it('refuses a body that is not JSON even from the admin itself', async () => {
    const form = new FormData();
    form.set('x', '1');
    const res = await fetch(`${base}/trpc/messages.sendTest`, {
      method: 'POST',
      headers: { cookie, origin: ADMIN_ORIGIN, 'sec-fetch-site': 'same-origin' },
      body: form,
    });
    expect(res.status).toBe(415);
    expect(await testMessages()).toBe(0);
  });

  it("accepts the admin's own JSON calls", async () => {
    const before = await testMessages();
    const res = await fetch(`${base}/trpc/messages.sendTest`, {
      method: 'POST',
      headers: {
        cookie,
        origin: ADMIN_ORIGIN,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
      },
    });
    expect(res.status).toBe(200);
    expect(await testMessages()).toBe(before + 1);
  });
});
