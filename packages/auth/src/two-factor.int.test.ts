// Optional two-factor sign-in with an authenticator app (better-auth's twoFactor plugin, on our database):
// enabling needs the password and a first valid code; afterwards sign-in asks for a code before any session.
import { base32 } from '@better-auth/utils/base32';
import { createOTP } from '@better-auth/utils/otp';
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import { fixedClock } from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner } from './accounts.js';
import type { Auth } from './auth.js';
import { staffSessionFrom } from './session.js';
import { createTestAuth } from './testing.js';

let t: TestDatabase;
let auth: Auth;
const password = 'owner long password';

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

beforeAll(async () => {
  t = await createTestDatabase();
  auth = createTestAuth(t);
  await setupOwner(
    auth,
    t,
    { name: 'Owner', email: 'owner@example.org', password },
    fixedClock('2026-11-27T12:00:00Z'),
  );
});
afterAll(async () => {
  await t?.cleanup();
});

async function signIn(): Promise<Response> {
  return auth.api.signInEmail({ body: { email: 'owner@example.org', password }, asResponse: true });
}

describe('two-factor sign-in', () => {
  let secret: Uint8Array;

  it('is enabled with the password and confirmed with a first code', async () => {
    const headers = new Headers({ cookie: cookiesOf(await signIn()) });
    const wrong = await auth.api.enableTwoFactor({
      body: { password: 'not my password!' },
      headers,
      asResponse: true,
    });
    expect(wrong.status).toBe(400);
    const enabled = (await auth.api.enableTwoFactor({ body: { password }, headers })) as {
      totpURI: string;
      backupCodes: string[];
    };
    expect(enabled.totpURI).toMatch(/^otpauth:\/\/totp\/Ayni:owner%40example\.org\?secret=/);
    expect(enabled.backupCodes).toHaveLength(10);
    secret = base32.decode(new URL(enabled.totpURI).searchParams.get('secret')!);
    await auth.api.verifyTOTP({ body: { code: await createOTP(secret).totp() }, headers });
    const user = await t.db
      .selectFrom('user')
      .select('twoFactorEnabled' as never)
      .executeTakeFirstOrThrow();
    expect(Number((user as Record<string, unknown>).twoFactorEnabled)).toBe(1);
  });

  it('then asks for a code before any session exists, and a wrong code gets none', async () => {
    const first = await signIn();
    expect(first.status).toBe(200);
    expect(await first.clone().json()).toMatchObject({ twoFactorRedirect: true });
    const pending = new Headers({ cookie: cookiesOf(first) });
    expect(await staffSessionFrom(auth, pending)).toBeNull();

    const bad = await auth.api.verifyTOTP({ body: { code: '000000' }, headers: pending, asResponse: true });
    expect(bad.status).toBe(401);
    const good = await auth.api.verifyTOTP({
      body: { code: await createOTP(secret).totp() },
      headers: pending,
      asResponse: true,
    });
    expect(good.status).toBe(200);
    const session = await staffSessionFrom(auth, new Headers({ cookie: cookiesOf(good) }));
    expect(session).toMatchObject({ email: 'owner@example.org', role: 'owner' });
  });
});
