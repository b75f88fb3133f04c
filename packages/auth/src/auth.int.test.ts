// better-auth on our database (SQLite, or PostgreSQL with TEST_POSTGRES_URL): first-run setup is atomic, the
// sign-in rate limit is kept in the database, and sign-up stays closed.
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import { fixedClock } from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_IP_HEADER, type Auth } from './auth.js';
import { needsSetup, setupOwner } from './setup.js';
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
