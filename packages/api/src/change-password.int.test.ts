// Changing one's password cannot be used to guess the current one: wrong current passwords count against the
// account as failed sign-ins do, and once too many, even the right one is refused until the window has passed.
import { staffSessionFrom, type Auth } from '@ayni/auth';
import { createTestAuth } from '@ayni/auth/testing';
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import { fixedClock } from '@ayni/domain';
import type { Queue } from '@ayni/jobs';
import { startProducerQueue } from '@ayni/jobs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from './router.js';

const clock = fixedClock('2026-11-27T12:00:00.000Z');
let t: TestDatabase;
let auth: Auth;
let queue: Queue;

beforeAll(async () => {
  t = await createTestDatabase();
  auth = createTestAuth(t);
  queue = await startProducerQueue(t, clock);
  await createCaller({
    handle: t,
    auth,
    clock,
    queue,
    session: null,
    adminUrl: 'http://localhost:3001',
    headers: new Headers(),
  }).setup.createOwner({ name: 'Rosa', email: 'rosa@example.org', password: 'rosa long password' });
}, 60_000);
afterAll(async () => {
  await queue?.stop(1_000);
  await t?.cleanup();
});

async function signedIn(password: string) {
  const res = await auth.api.signInEmail({
    body: { email: 'rosa@example.org', password },
    asResponse: true,
  });
  expect(res.status).toBe(200);
  const headers = new Headers({
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  });
  const session = (await staffSessionFrom(auth, headers))!;
  return createCaller({ handle: t, auth, clock, queue, session, adminUrl: 'http://localhost:3001', headers });
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? 'error',
  );

describe('account.changePassword', () => {
  it('refuses as too many after repeated wrong current passwords, even the right one; success clears the count', async () => {
    const wrong = async (me: Awaited<ReturnType<typeof signedIn>>, n: number) => {
      const outcomes: string[] = [];
      for (let i = 0; i < n; i++) {
        outcomes.push(
          await outcome(
            me.account.changePassword({ currentPassword: `guess ${i}`, newPassword: 'whatever new one' }),
          ),
        );
      }
      return outcomes;
    };

    const before = await signedIn('rosa long password');
    expect(await wrong(before, 5)).toEqual(Array(5).fill('BAD_REQUEST'));
    await before.account.changePassword({
      currentPassword: 'rosa long password',
      newPassword: 'a brand new password',
    });

    const me = await signedIn('a brand new password');
    const outcomes = await wrong(me, 18);
    expect(outcomes.slice(0, 10)).toEqual(Array(10).fill('BAD_REQUEST'));
    expect(outcomes.slice(10)).toEqual(Array(8).fill('TOO_MANY_REQUESTS'));
    await expect(
      me.account.changePassword({
        currentPassword: 'a brand new password',
        newPassword: 'yet another password',
      }),
    ).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/^Too many wrong passwords/),
    });
  }, 90_000); // password hashing is slow on purpose, and each guess goes through it
});
