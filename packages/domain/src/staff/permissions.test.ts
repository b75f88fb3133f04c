import { describe, expect, it } from 'vitest';
import { can, permissionMatrixMarkdown, permissions, rolePermissions } from './permissions.js';
import { staffRoles } from './schema.js';

describe('can', () => {
  it.each([
    ['owner', 'staff:manage', true],
    ['admin', 'settings:edit', true],
    ['editor', 'article:publish', true],
    ['editor', 'staff:view', false],
    ['editor', 'campaign:edit', false],
    ['campaigner', 'campaign:edit', true],
    ['campaigner', 'signature:export', true],
    ['campaigner', 'article:publish', false],
    ['membership', 'member:import', true],
    ['membership', 'member:view', true],
    ['membership', 'event:edit', false],
    ['viewer', 'article:view', true],
    ['viewer', 'article:edit', false],
    ['viewer', 'audit:view', false],
    ['viewer', 'job:retry', false],
    ['superuser', 'article:view', false],
    [null, 'article:view', false],
  ] as const)('%s may %s: %s', (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });

  it('gives every role the dashboard and only real permissions', () => {
    for (const role of staffRoles) {
      expect(can(role, 'dashboard:view')).toBe(true);
      for (const p of rolePermissions[role]) expect(permissions).toContain(p);
    }
  });

  it('keeps staff management, settings and the audit log to owners and admins', () => {
    const holders = (p: (typeof permissions)[number]) => staffRoles.filter((r) => can(r, p));
    expect(holders('staff:manage')).toEqual(['owner', 'admin']);
    expect(holders('settings:edit')).toEqual(['owner', 'admin']);
    expect(holders('audit:view')).toEqual(['owner', 'admin']);
    expect(holders('staff:view')).toEqual(['owner', 'admin']);
  });
});

describe('permissionMatrixMarkdown', () => {
  const lines = permissionMatrixMarkdown().trimEnd().split('\n');

  it('has a column per role and a row per permission', () => {
    expect(lines[0]).toBe('| permission | owner | admin | editor | campaigner | membership | viewer |');
    expect(lines).toHaveLength(2 + permissions.length);
  });

  it('ticks exactly the roles that may', () => {
    expect(lines.find((l) => l.startsWith('| `campaign:edit` |'))).toBe(
      '| `campaign:edit` | ✓ | ✓ |  | ✓ |  |  |',
    );
  });
});
