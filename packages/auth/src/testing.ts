// better-auth for integration tests: a fixed secret and the sign-in limit the test chooses (never switched off).
import type { DbHandle } from '@ayni/db';
import { createAuth, type Auth } from './auth.js';

export function createTestAuth(
  handle: Pick<DbHandle, 'db' | 'dialect'>,
  signInLimit: { window: number; max: number } = { window: 60, max: 50 },
): Auth {
  return createAuth(handle, {
    secret: 'test-secret-test-secret-test-secret!',
    baseURL: 'http://localhost:3001',
    production: false,
    signInLimit,
  });
}

/** The Cookie header a browser sends back after this response: its Set-Cookie values without their attributes. */
export function cookieFrom(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
