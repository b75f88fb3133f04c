// The admin server over HTTP on a real database (SQLite, or PostgreSQL with TEST_POSTGRES_URL): tRPC and
// better-auth mounted together, a session cookie that works, and the SPA served for any other path.
import { randomIds, seedDemo } from '@ayni/db';
import { fixedClock } from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestAdmin,
  trpcBody,
  trpcInput,
  writeClientDir,
  type TestAdmin,
} from './test-server.testing.js';

const clock = fixedClock('2026-11-27T12:00:00.000Z');
let admin: TestAdmin;
let base: string;

beforeAll(async () => {
  admin = await startTestAdmin(clock);
  await seedDemo(admin.t.db, { clock, ids: randomIds });
  base = await admin.serve({
    clientDir: writeClientDir('<!doctype html><title>Ayni admin</title><div id="root"></div>'),
  });
});
afterAll(() => admin?.stop());

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('the admin server', () => {
  it('sets up the owner, signs in with a cookie and answers the dashboard', async () => {
    const status = await fetch(`${base}/trpc/setup.status`);
    expect((await trpcBody(status)).data).toEqual({ needsSetup: true });

    const badSetup = await fetch(
      `${base}/trpc/setup.createOwner`,
      json(trpcInput({ name: 'Rosa', email: 'not-an-email', password: 'long enough password' })),
    );
    expect(badSetup.status).toBe(400);
    const badBody = await trpcBody(badSetup);
    expect(badBody.error?.data.fieldErrors).toEqual({ email: ['Email must be a valid email address'] });

    const setup = await fetch(
      `${base}/trpc/setup.createOwner`,
      json(trpcInput({ name: 'Rosa', email: 'rosa@example.org', password: 'long enough password' })),
    );
    expect(setup.status).toBe(200);

    const anonymous = await fetch(`${base}/trpc/dashboard.summary`);
    expect(anonymous.status).toBe(401);

    const signIn = await fetch(
      `${base}/api/auth/sign-in/email`,
      json({ email: 'rosa@example.org', password: 'long enough password' }),
    );
    expect(signIn.status).toBe(200);
    const setCookie = signIn.headers.getSetCookie();
    expect(setCookie.join(';')).toMatch(/HttpOnly/i);
    expect(setCookie.join(';')).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.map((c) => c.split(';')[0]).join('; ');

    const summary = await fetch(`${base}/trpc/dashboard.summary`, { headers: { cookie } });
    expect(summary.status).toBe(200);
    const { data } = await trpcBody<{ articles: { published: number } }>(summary);
    expect(data?.articles.published).toBe(22);

    const signOut = await fetch(`${base}/api/auth/sign-out`, {
      ...json({}),
      headers: { 'content-type': 'application/json', cookie },
    });
    expect(signOut.status).toBe(200);
    expect((await fetch(`${base}/trpc/dashboard.summary`, { headers: { cookie } })).status).toBe(401);
  });

  it('switches off better-auth endpoints that would change an account outside our audited procedures', async () => {
    for (const path of [
      '/api/auth/sign-up/email',
      '/api/auth/update-user',
      '/api/auth/change-password',
      '/api/auth/delete-user',
    ]) {
      const res = await fetch(
        `${base}${path}`,
        json({ name: 'x', email: 'x@example.org', password: 'long enough password' }),
      );
      expect(res.status, path).toBe(404);
    }
  });

  it('serves the SPA for any other path', async () => {
    const res = await fetch(`${base}/some/admin/page`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root"></div>');
  });
});
