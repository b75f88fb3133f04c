// Who may do what: the permission matrix as data, and `can(role, permission)`. The API checks it on every
// procedure; the admin uses it only to hide what a role cannot use (the server is the guard).
import type { StaffRole } from './schema.js';

export const permissions = [
  'article:view',
  'article:edit',
  'article:publish',
  'campaign:view',
  'campaign:edit',
  'signature:view',
  'signature:export',
  'member:view',
  'member:edit',
  'member:export',
  'member:import',
  'event:view',
  'event:edit',
  'registration:view',
  'registration:export',
  /** Registrants' access needs (health data): in the list, and in the CSV when asked for. */
  'event:access-needs',
  'feed:view',
  'feed:edit',
  'job:view',
  'job:retry',
  'message:view',
  'message:send-test',
  'staff:view',
  'staff:manage',
  'settings:view',
  'settings:edit',
  'audit:view',
  'dashboard:view',
] as const;
export type Permission = (typeof permissions)[number];

const everything = permissions;
const readOnly = permissions.filter(
  (p) => p.endsWith(':view') && !['staff:view', 'audit:view', 'message:view'].includes(p),
);

/** The matrix. The owner and admins differ only in what the staff rules below add (the last owner). */
export const rolePermissions: Record<StaffRole, readonly Permission[]> = {
  owner: everything,
  admin: everything,
  editor: [...readOnly, 'article:edit', 'article:publish', 'feed:edit', 'message:send-test'],
  campaigner: [
    ...readOnly,
    'campaign:edit',
    'signature:export',
    'event:edit',
    'registration:export',
    'event:access-needs',
    'message:view',
    'message:send-test',
  ],
  membership: [
    ...readOnly,
    'member:edit',
    'member:export',
    'member:import',
    'registration:export',
    'message:view',
    'message:send-test',
  ],
  viewer: readOnly,
};

export function can(role: string | null | undefined, permission: Permission): boolean {
  if (!role || !(role in rolePermissions)) return false;
  return rolePermissions[role as StaffRole].includes(permission);
}

/** The matrix as a Markdown table (docs/PERMISSIONS.md is generated from it; tooling/scripts tests the two match). */
export function permissionMatrixMarkdown(): string {
  const roles = Object.keys(rolePermissions) as StaffRole[];
  const header = `| permission | ${roles.join(' | ')} |\n|---|${roles.map(() => ':-:').join('|')}|`;
  const rows = permissions.map(
    (p) => `| \`${p}\` | ${roles.map((r) => (can(r, p) ? '✓' : '')).join(' | ')} |`,
  );
  return [header, ...rows].join('\n') + '\n';
}
