// "Forgot your password?" cannot be used to flood someone's inbox: whatever addresses the requests come from,
// one account gets at most 3 reset emails an hour, and the requester sees the same answer either way.
import { createAuth, setupOwner } from '@ayni/auth';
import { listMessages } from '@ayni/db';
import type { TestDatabase } from '@ayni/db/testing';
import { systemClock } from '@ayni/domain';
import { queuePasswordResetEmail } from '@ayni/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ORIGIN, startTestAdmin, type TestAdmin } from './test-server.testing.js';

let admin: TestAdmin;
let t: TestDatabase;
let base: string;

beforeAll(async () => {
  admin = await startTestAdmin(systemClock);
  t = admin.t;
  // As the admin's main.ts does: the reset email goes out as a message record and a job (the worker mints the
  // link when it sends it).
  const auth = createAuth(t, {
    secret: 'test-secret-test-secret-test-secret!',
    baseURL: ADMIN_ORIGIN,
    production: false,
    signInLimit: { window: 60, max: 50 },
    sendResetPassword: queuePasswordResetEmail(t.db, admin.queue, { clock: systemClock }),
  });
  await setupOwner(
    auth,
    t,
    { name: 'Rosa', email: 'rosa@example.org', password: 'rosa long password' },
    systemClock,
  );
  // Behind a proxy on loopback, so each request can come from its own client address.
  base = await admin.serve({ auth, trustProxy: 'loopback' });
});
afterAll(() => admin?.stop());

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
