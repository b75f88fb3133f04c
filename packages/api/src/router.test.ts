import { describe, expect, it } from 'vitest';
import { appRouter } from './router.js';

describe('the API router', () => {
  it('declares who may call every procedure', () => {
    const procedures = Object.entries(appRouter._def.procedures) as [string, { _def: { meta?: { access?: string } } }][];
    expect(procedures.length).toBeGreaterThan(0);
    const undeclared = procedures.filter(([, p]) => !p._def.meta?.access).map(([path]) => path);
    expect(undeclared).toEqual([]);
  });

  it('keeps the setup procedures public and everything else behind a staff session', () => {
    const access = Object.fromEntries(
      Object.entries(appRouter._def.procedures).map(([path, p]) => [
        path,
        (p as { _def: { meta?: { access?: string } } })._def.meta?.access,
      ]),
    );
    expect(access).toEqual({
      'account.me': 'staff',
      'dashboard.summary': 'staff',
      'setup.status': 'public',
      'setup.createOwner': 'public',
    });
  });
});
