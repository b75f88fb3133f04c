// The API over HTTP as an attacker would try it: forms posted from another origin with the staff cookie
// (cross-site request forgery), bodies too large to read, batches too long to run; and what the browser may keep
// of the answers (personal data is never stored in a cache).
import { request, type IncomingMessage } from 'node:http';
import { once } from 'node:events';
import { listMessages } from '@ayni/db';
import type { TestDatabase } from '@ayni/db/testing';
import { fixedClock } from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_ORIGIN,
  setUpOwnerAndSignIn,
  startTestAdmin,
  trpcInput,
  type TestAdmin,
} from './test-server.testing.js';

const clock = fixedClock('2026-11-27T12:00:00.000Z');
let admin: TestAdmin;
let t: TestDatabase;
let base: string;
let cookie: string;

beforeAll(async () => {
  admin = await startTestAdmin(clock);
  t = admin.t;
  base = await admin.serve();
  cookie = await setUpOwnerAndSignIn(base, {
    name: 'Rosa',
    email: 'rosa@example.org',
    password: 'long enough password',
  });
});
afterAll(() => admin?.stop());

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

  // A browser that sends no Origin (older ones, on some requests) still says where the request came from: the
  // answer rests on Sec-Fetch-Site alone, and the body is JSON, so only the origin check can refuse it.
  it.each(['cross-site', 'same-site'])(
    'refuses a JSON call with no Origin and Sec-Fetch-Site: %s, and queues nothing',
    async (site) => {
      const before = await testMessages();
      const res = await fetch(`${base}/trpc/messages.sendTest`, {
        method: 'POST',
        headers: { cookie, 'sec-fetch-site': site, 'content-type': 'application/json' },
      });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('Changes are accepted only from the admin’s own pages.');
      expect(await testMessages()).toBe(before);
    },
  );

  it('accepts a JSON call with no Origin from a browser that says it is same-origin', async () => {
    const before = await testMessages();
    const res = await fetch(`${base}/trpc/messages.sendTest`, {
      method: 'POST',
      headers: { cookie, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(await testMessages()).toBe(before + 1);
  });

  it('refuses a body that is not JSON even from the admin itself', async () => {
    const before = await testMessages();
    const form = new FormData();
    form.set('x', '1');
    const res = await fetch(`${base}/trpc/messages.sendTest`, {
      method: 'POST',
      headers: { cookie, origin: ADMIN_ORIGIN, 'sec-fetch-site': 'same-origin' },
      body: form,
    });
    expect(res.status).toBe(415);
    expect(await testMessages()).toBe(before);
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

/**
 * Sends `size` bytes of a JSON body to `path` (updateName unless told), declaring its length unless `chunked`;
 * resolves with the status, ending the body only if `end`.
 */
async function sendLargeBody(
  size: number,
  end: boolean,
  options: { path?: string; chunked?: boolean } = {},
): Promise<number> {
  const { hostname, port } = new URL(base);
  const req = request({
    hostname,
    port,
    method: 'POST',
    path: options.path ?? '/trpc/account.updateName',
    headers: {
      cookie,
      origin: ADMIN_ORIGIN,
      'content-type': 'application/json',
      ...(options.chunked ? {} : { 'content-length': String(size) }),
    },
  });
  req.on('error', () => {
    // The server may close the connection once it has answered; the answer is what the test looks at.
  });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  req.write('{"name":"');
  let sent = 9;
  const total = end ? size - 2 : size - 3;
  while (sent < total) {
    const part = chunk.subarray(0, Math.min(chunk.length, total - sent));
    req.write(part);
    sent += part.length;
  }
  if (end) req.end('"}');
  const [res] = (await once(req, 'response')) as [IncomingMessage];
  res.resume();
  req.destroy();
  return res.statusCode ?? 0;
}

describe('limits', () => {
  it('answers 413 to a 2 MB body, before the client has even finished sending it', async () => {
    expect(await sendLargeBody(2 * 1024 * 1024, true)).toBe(413);
    expect(await sendLargeBody(2 * 1024 * 1024, false)).toBe(413);
  });

  // better-auth's handler reads whatever body it is sent: a guard in front of it refuses more than 64 KB.
  it('answers 413 to a declared 2 MB body for sign-in, before the client has even finished sending it', async () => {
    const signIn = { path: '/api/auth/sign-in/email' };
    expect(await sendLargeBody(2 * 1024 * 1024, true, signIn)).toBe(413);
    expect(await sendLargeBody(2 * 1024 * 1024, false, signIn)).toBe(413);
    expect(await sendLargeBody(64 * 1024 + 1, true, signIn)).toBe(413);
    // Within the limit, the body reaches better-auth, which judges it (no such account).
    expect(await sendLargeBody(60 * 1024, true, signIn)).not.toBe(413);
  });

  it('answers 411 to a sign-in body of undeclared length (chunked), large or small', async () => {
    const signIn = { path: '/api/auth/sign-in/email', chunked: true };
    expect(await sendLargeBody(2 * 1024 * 1024, true, signIn)).toBe(411);
    expect(await sendLargeBody(1024, true, signIn)).toBe(411);
  });

  it('runs a batch of 10 calls and refuses one of 11', async () => {
    const batch = (n: number) => {
      const paths = Array.from({ length: n }, () => 'account.me').join(',');
      return fetch(`${base}/trpc/${paths}?batch=1&input=${encodeURIComponent('{}')}`, {
        headers: { cookie },
      });
    };
    const ten = await batch(10);
    expect(ten.status).toBe(200);
    expect(((await ten.json()) as unknown[]).length).toBe(10);
    const eleven = await batch(11);
    expect(eleven.status).toBe(400);
    expect(JSON.stringify(await eleven.json())).toMatch(/batch/i);
  });
});

describe('caching of API answers', () => {
  it('tells every cache to keep no copy of personal data', async () => {
    for (const path of ['staff.list', 'messages.list', 'audit.list', 'account.me']) {
      const res = await fetch(
        `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(trpcInput({})))}`,
        {
          headers: { cookie },
        },
      );
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
    const refused = await fetch(`${base}/trpc/staff.list`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });
});
