import { describe, expect, it } from 'vitest';
import { loadAdminEnv } from './env.js';

describe('loadAdminEnv', () => {
  it('works with no configuration at all', () => {
    expect(loadAdminEnv({})).toMatchObject({ ADMIN_PORT: 3001, ADMIN_URL: 'http://localhost:3001' });
  });

  it('stops with one line naming a bad port', () => {
    expect(() => loadAdminEnv({ ADMIN_PORT: 'abc' })).toThrow('ADMIN_PORT must be a port number (1-65535)');
    expect(() => loadAdminEnv({ ADMIN_PORT: '70000' })).toThrow('ADMIN_PORT must be a port number (1-65535)');
  });

  it('refuses a short AUTH_SECRET', () => {
    expect(() => loadAdminEnv({ AUTH_SECRET: 'short' })).toThrow(
      'AUTH_SECRET must be at least 32 characters (e.g. `openssl rand -hex 32`)',
    );
  });
});
