// The admin API against a real database (SQLite, or PostgreSQL with TEST_POSTGRES_URL) and real better-auth
// sessions: first-run setup, sign-in, and the dashboard counts.
import { staffSessionFrom, type Auth } from '@ayni/auth';
import { createTestAuth } from '@ayni/auth/testing';
import { randomIds, seedDemo } from '@ayni/db';
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import { fixedClock } from '@ayni/domain';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from './router.js';

const clock = fixedClock('2026-11-27T12:00:00.000Z');
let t: TestDatabase;
let auth: Auth;

const caller = (session: Awaited<ReturnType<typeof staffSessionFrom>> = null) =>
  createCaller({ handle: t, auth, clock, session });

async function signIn(email: string, password: string): Promise<Headers> {
  const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
  expect(response.status).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return new Headers({ cookie });
}

beforeAll(async () => {
  t = await createTestDatabase();
  auth = createTestAuth(t);
  await seedDemo(t.db, { clock, ids: randomIds });
});
afterAll(async () => {
  await t?.cleanup();
});

describe('first-run setup, sign-in and the dashboard', () => {
  it('asks for setup while no staff account exists', async () => {
    expect(await caller().setup.status()).toEqual({ needsSetup: true });
  });

  it('refuses an owner with a short password, naming the field, and creates nobody', async () => {
    const error = await caller()
      .setup.createOwner({ name: 'Rosa', email: 'rosa@example.org', password: 'short' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toBe('Password must be at least 12 characters');
    expect(await caller().setup.status()).toEqual({ needsSetup: true });
  });

  it('creates the owner once, then refuses a second setup', async () => {
    const owner = await caller().setup.createOwner({
      name: 'Rosa Apaza',
      email: 'Rosa@Example.org',
      password: 'correct horse battery',
    });
    expect(owner).toMatchObject({ name: 'Rosa Apaza', email: 'rosa@example.org' });
    expect(await caller().setup.status()).toEqual({ needsSetup: false });
    await expect(
      caller().setup.createOwner({
        name: 'Intruder',
        email: 'x@example.org',
        password: 'another long password',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'Ayni is already set up: sign in instead.' });
  });

  it('lets the owner sign in and see counts that match the seed', async () => {
    const session = await staffSessionFrom(auth, await signIn('rosa@example.org', 'correct horse battery'));
    expect(session).toMatchObject({ email: 'rosa@example.org', role: 'owner' });
    expect(await caller(session).account.me()).toMatchObject({ name: 'Rosa Apaza', role: 'owner' });
    const summary = await caller(session).dashboard.summary();
    expect(summary).toEqual({
      articles: { draft: 1, scheduled: 0, published: 18, archived: 0, pages: 4 },
      campaigns: { draft: 0, active: 1, closed: 0, confirmedSignatures: 4 },
      members: { pending: 1, active: 3, grace: 1, lapsed: 1, cancelled: 0 },
      events: { upcoming: 1, past: 1 },
      worker: { lastSeenAt: null, running: false },
    });
  });

  it('refuses a wrong password and public sign-up', async () => {
    const wrong = await auth.api.signInEmail({
      body: { email: 'rosa@example.org', password: 'wrong password!!' },
      asResponse: true,
    });
    expect(wrong.status).toBe(401);
    const signUp = await auth.api.signUpEmail({
      body: { name: 'Anyone', email: 'anyone@example.org', password: 'a very long password' },
      asResponse: true,
    });
    expect(signUp.status).toBeGreaterThanOrEqual(400);
    expect(await t.db.selectFrom('user').select('email').execute()).toEqual([{ email: 'rosa@example.org' }]);
  });

  it('answers UNAUTHORIZED to the dashboard without a session', async () => {
    await expect(caller().dashboard.summary()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
