import { describe, expect, it } from 'vitest';
import { appRouter } from './router.js';

type WithMeta = { _def: { meta?: { access?: string } } };

/** Every procedure of the router, by its dotted path, with the access it declares. */
function accessByPath(): Record<string, string | undefined> {
  const procedures = appRouter._def.procedures as unknown as Record<string, WithMeta>;
  return Object.fromEntries(Object.entries(procedures).map(([path, p]) => [path, p._def.meta?.access]));
}

describe('the API router', () => {
  it('declares who may call every procedure', () => {
    const access = accessByPath();
    expect(Object.keys(access).length).toBeGreaterThan(0);
    expect(
      Object.entries(access)
        .filter(([, a]) => !a)
        .map(([path]) => path),
    ).toEqual([]);
  });

  it('keeps the setup procedures public and everything else behind a staff session', () => {
    expect(accessByPath()).toEqual({
      'account.me': 'staff',
      'dashboard.summary': 'staff',
      'jobs.overview': 'staff',
      'jobs.retry': 'staff',
      'jobs.cancel': 'staff',
      'messages.list': 'staff',
      'messages.sendTest': 'staff',
      'setup.status': 'public',
      'setup.createOwner': 'public',
    });
  });
});
