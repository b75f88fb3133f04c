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
