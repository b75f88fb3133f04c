// better-auth on our database (SQLite, or PostgreSQL with TEST_POSTGRES_URL): first-run setup is atomic, the
// sign-in rate limit is kept in the database, and sign-up stays closed.
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import { fixedClock } from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { insertInvitation, suspendStaff } from '@ayni/db';
import { invitationExpiresAt } from '@ayni/domain';
import { CLIENT_IP_HEADER, SUSPENDED_MESSAGE, createAuth, type Auth } from './auth.js';
import {
  acceptInvitation,
  describeInvitation,
  hashToken,
  needsSetup,
  newToken,
  setupOwner,
} from './accounts.js';
import { createTestAuth } from './testing.js';

const clock = fixedClock('2026-11-27T12:00:00.000Z');
let t: TestDatabase;
let auth: Auth;

beforeAll(async () => {
  t = await createTestDatabase();
  auth = createTestAuth(t, { window: 60, max: 3 });
});
afterAll(async () => {
  await t?.cleanup();
});

describe('first-run setup', () => {
  it('creates exactly one owner when two setups race', async () => {
    expect(await needsSetup(t)).toBe(true);
    const results = await Promise.allSettled([
      setupOwner(
        auth,
        t,
        { name: 'First', email: 'first@example.org', password: 'first long password' },
        clock,
      ),
      setupOwner(
        auth,
        t,
        { name: 'Second', email: 'second@example.org', password: 'second long password' },
        clock,
      ),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'CONFLICT' });
    const users = await t.db.selectFrom('user').select(['role']).execute();
    expect(users).toEqual([{ role: 'owner' }]);
    expect(await t.db.selectFrom('account').select('providerId').execute()).toEqual([
      { providerId: 'credential' },
    ]);
    expect(await needsSetup(t)).toBe(false);
  });
});

describe('sign-in', () => {
  it('limits attempts per IP, counting in the database, with a clear status', async () => {
    const owner = await t.db.selectFrom('user').select('email').executeTakeFirstOrThrow();
    const attempt = () =>
      auth.handler(
        new Request('http://localhost:3001/api/auth/sign-in/email', {
          method: 'POST',
          headers: { 'content-type': 'application/json', [CLIENT_IP_HEADER]: '203.0.113.9' },
          body: JSON.stringify({ email: owner.email, password: 'wrong password here' }),
        }),
      );
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const rows = await t.db
      .selectFrom('rateLimit' as never)
      .selectAll()
      .execute();
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe('invitations', () => {
  async function invite(email: string, role = 'editor', createdAt = clock.now()) {
    const token = newToken();
    await insertInvitation(t.db, {
      id: randomUUID(),
      email,
      role: role as 'editor',
      invitedBy: null,
      createdAt,
      expiresAt: invitationExpiresAt(createdAt),
      acceptedAt: null,
      revokedAt: null,
      tokenHash: hashToken(token),
    });
    return token;
  }

  it('creates the account with the invited role and consumes the link', async () => {
    const token = await invite('editor@example.org');
    expect(await describeInvitation(t, token, clock)).toMatchObject({
      email: 'editor@example.org',
      role: 'editor',
    });
    const account = await acceptInvitation(
      auth,
      t,
      { token, name: 'Eddie', password: 'editor long password' },
      clock,
    );
    expect(account).toMatchObject({ email: 'editor@example.org', role: 'editor' });
    await expect(
      acceptInvitation(auth, t, { token, name: 'Eddie', password: 'editor long password' }, clock),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This invitation has already been used. Sign in instead.',
    });
    const signIn = await auth.api.signInEmail({
      body: { email: 'editor@example.org', password: 'editor long password' },
      asResponse: true,
    });
    expect(signIn.status).toBe(200);
  });

  it('refuses an expired link or an unknown one, and creates nobody', async () => {
    const expired = await invite('late@example.org', 'viewer', new Date('2026-11-20T12:00:00.000Z'));
    await expect(
      acceptInvitation(auth, t, { token: expired, name: 'Late', password: 'a long password!' }, clock),
    ).rejects.toMatchObject({
      message: 'This invitation has expired. Ask for a new invitation.',
    });
    await expect(describeInvitation(t, newToken(), clock)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await t.db.selectFrom('user').select('id').where('email', '=', 'late@example.org').execute(),
    ).toEqual([]);
  });

  it('refuses a short password by name, leaving the invitation usable', async () => {
    const token = await invite('short@example.org');
    await expect(
      acceptInvitation(auth, t, { token, name: 'S', password: 'short' }, clock),
    ).rejects.toMatchObject({
      issues: [
        expect.objectContaining({ path: ['password'], message: 'Password must be at least 12 characters' }),
      ],
    });
    expect(await describeInvitation(t, token, clock)).toMatchObject({ email: 'short@example.org' });
  });
});

describe('suspension', () => {
  it('stops a suspended account from signing in, with a clear message', async () => {
    const user = await t.db
      .selectFrom('user')
      .select(['id'])
      .where('email', '=', 'editor@example.org')
      .executeTakeFirstOrThrow();
    await suspendStaff(t.db, user.id, clock.now());
    const res = await auth.api.signInEmail({
      body: { email: 'editor@example.org', password: 'editor long password' },
      asResponse: true,
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toBe(SUSPENDED_MESSAGE);
  });
});

describe('the per-account limit', () => {
  it('locks an account after repeated failures from different addresses', async () => {
    const limited = createAuth(t, {
      secret: 'test-secret-test-secret-test-secret!',
      baseURL: 'http://localhost:3001',
      production: false,
      signInLimit: { window: 60, max: 100 },
      accountLimit: { window: 600, max: 2 },
    });
    const attempt = (ip: string, password: string) =>
      limited.handler(
        new Request('http://localhost:3001/api/auth/sign-in/email', {
          method: 'POST',
          headers: { 'content-type': 'application/json', [CLIENT_IP_HEADER]: ip },
          body: JSON.stringify({ email: 'target@example.org', password }),
        }),
      );
    expect((await attempt('198.51.100.1', 'wrong password 1')).status).toBe(401);
    expect((await attempt('198.51.100.2', 'wrong password 2')).status).toBe(401);
    const locked = await attempt('198.51.100.3', 'wrong password 3');
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { message: string }).message).toBe(
      'Too many failed sign-ins for this account. Try again in 10 minutes, or reset your password.',
    );
  });
});
