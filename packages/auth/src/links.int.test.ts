// The account links the worker mints when it sends an email, on a real database (SQLite, or PostgreSQL with
// TEST_POSTGRES_URL): a reset link works once and its token is stored only as a hash; each invitation link
// replaces the one before; a withdrawn, used or expired invitation gets no link, with a reason staff can read.
import { randomUUID } from 'node:crypto';
import { insertInvitation, revokeInvitation } from '@ayni/db';
import { createTestDatabase, tablesContaining, type TestDatabase } from '@ayni/db/testing';
import { invitationExpiresAt, PASSWORD_RESET_TTL_MINUTES, systemClock } from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeInvitation, hashToken, newToken, setupOwner } from './accounts.js';
import type { Auth } from './auth.js';
import { accountLinkMinters } from './links.js';
import { createTestAuth } from './testing.js';

const ADMIN_URL = 'http://localhost:3001';
let t: TestDatabase;
let auth: Auth;
let ownerId: string;
let minters: ReturnType<typeof accountLinkMinters>;

beforeAll(async () => {
  t = await createTestDatabase();
  auth = createTestAuth(t);
  minters = accountLinkMinters(auth, { adminUrl: ADMIN_URL });
  ({ id: ownerId } = await setupOwner(
    auth,
    t,
    { name: 'Rosa', email: 'rosa@example.org', password: 'rosa long password' },
    systemClock,
  ));
}, 30_000);
afterAll(async () => {
  await t?.cleanup();
});

const context = (requestedAt = new Date()) => ({ db: t.db, requestedAt, now: new Date() });

async function invitation(createdAt = new Date()): Promise<string> {
  const id = randomUUID();
  await insertInvitation(t.db, {
    id,
    email: `${id}@example.org`,
    role: 'editor',
    invitedBy: ownerId,
    createdAt,
    expiresAt: invitationExpiresAt(createdAt),
    acceptedAt: null,
    revokedAt: null,
    tokenHash: hashToken(newToken()),
  });
  return id;
}

function urlOf(minted: { url: string } | { refused: string }): string {
  if (!('url' in minted)) throw new Error(minted.refused);
  return minted.url;
}

describe('password-reset links', () => {
  it('lead to the admin’s reset page, work once, and keep their token only as a hash', async () => {
    const url = urlOf(await minters['password-reset']({ userId: ownerId }, context()));
    const match = url.match(
      /^http:\/\/localhost:3001\/api\/auth\/reset-password\/([\w-]{40,})\?callbackURL=http%3A%2F%2Flocalhost%3A3001%2Freset-password$/,
    );
    expect(match).not.toBeNull();
    const token = match![1]!;
    expect(await tablesContaining(t, token)).toEqual([]);

    const reset = (body: object) =>
      auth.handler(
        new Request(`${ADMIN_URL}/api/auth/reset-password`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: ADMIN_URL },
          body: JSON.stringify(body),
        }),
      );
    expect((await reset({ token, newPassword: 'rosa new long password' })).status).toBe(200);
    expect((await reset({ token, newPassword: 'rosa other long password' })).status).toBe(400);
    const signIn = await auth.api.signInEmail({
      body: { email: 'rosa@example.org', password: 'rosa new long password' },
      asResponse: true,
    });
    expect(signIn.status).toBe(200);
  }, 30_000);

  it('are not made for a reset asked for longer ago than a reset lasts', async () => {
    const requestedAt = new Date(Date.now() - (PASSWORD_RESET_TTL_MINUTES + 1) * 60_000);
    const minted = await minters['password-reset']({ userId: ownerId }, context(requestedAt));
    expect(minted).toEqual({ refused: expect.stringMatching(/^Not sent: the password reset was requested/) });
  });

  it('are not made for an account that no longer exists', async () => {
    expect(await minters['password-reset']({ userId: 'gone' }, context())).toEqual({
      refused: 'Not sent: the account no longer exists.',
    });
  });
});

describe('invitation links', () => {
  it('replace the link sent before: only the newest works', async () => {
    const id = await invitation();
    const first = new URL(urlOf(await minters['staff-invitation']({ invitationId: id }, context())));
    const second = new URL(urlOf(await minters['staff-invitation']({ invitationId: id }, context())));
    expect(second.origin + second.pathname).toBe(`${ADMIN_URL}/accept-invitation`);
    const token = (u: URL) => u.searchParams.get('token')!;
    expect(token(second)).not.toBe(token(first));
    await expect(describeInvitation(t, token(first), systemClock)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await describeInvitation(t, token(second), systemClock)).toMatchObject({
      email: `${id}@example.org`,
    });
  });

  it('are not made for a withdrawn or expired invitation, and say why', async () => {
    const withdrawn = await invitation();
    await revokeInvitation(t.db, withdrawn, new Date());
    expect(await minters['staff-invitation']({ invitationId: withdrawn }, context())).toEqual({
      refused: 'Not sent: the invitation was withdrawn.',
    });
    const expired = await invitation(new Date(Date.now() - 73 * 3_600_000));
    expect(await minters['staff-invitation']({ invitationId: expired }, context())).toEqual({
      refused: 'Not sent: the invitation has expired.',
    });
    expect(await minters['staff-invitation']({ invitationId: 'missing' }, context())).toEqual({
      refused: 'Not sent: the invitation no longer exists.',
    });
  });
});
