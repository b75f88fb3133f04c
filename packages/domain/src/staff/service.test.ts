import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.js';
import type { StaffAccount, StaffRole } from './schema.js';
import { changeStaffRole, type StaffPorts } from './service.js';

function account(id: string, role: StaffRole): StaffAccount {
  return { id, name: id, email: `${id}@example.org`, role, suspendedAt: null, createdAt: new Date(0) };
}

function memory(accounts: StaffAccount[]): StaffPorts & { writes: string[] } {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const writes: string[] = [];
  return {
    writes,
    clock: fixedClock(new Date('2026-12-03T10:00:00Z')),
    staff: {
      find: async (id) => byId.get(id) ?? null,
      countActiveOwners: async () =>
        [...byId.values()].filter((a) => a.role === 'owner' && !a.suspendedAt).length,
      setRole: async (id, role) => void writes.push(`role ${id} ${role}`),
      suspend: async (id) => void writes.push(`suspend ${id}`),
      reactivate: async (id) => void writes.push(`reactivate ${id}`),
      rename: async (id, name) => void writes.push(`rename ${id} ${name}`),
    },
    invitations: { find: async () => null, revoke: async () => false },
  };
}

const owner = { userId: 'olga', role: 'owner' as const };

describe('staff use cases', () => {
  it('changes a role and audits from what to what', async () => {
    const ports = memory([account('olga', 'owner'), account('eli', 'editor')]);
    const done = await changeStaffRole(ports, { actor: owner, userId: 'eli', role: 'admin' });
    expect(ports.writes).toEqual(['role eli admin']);
    expect(done.audit?.summary).toBe('Changed eli@example.org from editor to admin');
    expect(done.touches).toEqual([]);
  });

  it('names a role as people read it', async () => {
    const ports = memory([account('olga', 'owner'), account('mia', 'viewer')]);
    const done = await changeStaffRole(ports, { actor: owner, userId: 'mia', role: 'membership' });
    expect(done.audit?.summary).toBe('Changed mia@example.org from viewer to membership secretary');
  });

  it('the same role again writes nothing and leaves no audit entry', async () => {
    const ports = memory([account('olga', 'owner'), account('eli', 'editor')]);
    const done = await changeStaffRole(ports, { actor: owner, userId: 'eli', role: 'editor' });
    expect(ports.writes).toEqual([]);
    expect(done.audit).toBeNull();
  });

  it('refuses to demote the last owner and writes nothing', async () => {
    const ports = memory([account('olga', 'owner'), account('ana', 'admin')]);
    const attempt = changeStaffRole(ports, { actor: owner, userId: 'olga', role: 'admin' });
    await expect(attempt).rejects.toThrow('This is the last owner: make someone else an owner first.');
    expect(ports.writes).toEqual([]);
  });

  it('names an unknown member of staff as not found', async () => {
    const ports = memory([account('olga', 'owner')]);
    await expect(
      changeStaffRole(ports, { actor: owner, userId: 'nobody', role: 'viewer' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
