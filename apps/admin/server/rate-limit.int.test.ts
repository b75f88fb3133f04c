// Sign-in attempts are limited per client address, and a client cannot choose its address with a header.
import { createTestAuth } from '@ayni/auth/testing';
import { fixedClock } from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAdmin, type TestAdmin } from './test-server.testing.js';

let admin: TestAdmin;
let base: string;

beforeAll(async () => {
  admin = await startTestAdmin(fixedClock('2026-11-27T12:00:00.000Z'));
  base = await admin.serve({ auth: createTestAuth(admin.t, { window: 60, max: 3 }) });
});
afterAll(() => admin?.stop());

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
