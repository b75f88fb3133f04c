// What the signed-in role may use. The admin only hides what a role cannot use; the API is the guard.
import { rolePermissions, staffRoleLabels, staffRoles, type Permission, type StaffRole } from '@ayni/domain';

export type { Permission, StaffRole };
export { staffRoles };
export type Permissions = readonly Permission[];

/** Each role's name: the domain's, which the audit log's sentences use too. */
export const roleLabels: Readonly<Record<StaffRole, string>> = staffRoleLabels;

export function roleLabel(role: string): string {
  return role in roleLabels ? roleLabels[role as StaffRole] : role;
}

/** The roles someone may hand out: only an owner may make another owner. */
export function assignableRoles(myRole: string, current?: string): readonly StaffRole[] {
  return staffRoles.filter((r) => r !== 'owner' || myRole === 'owner' || current === 'owner');
}

/** What each permission lets a person do, as the Staff page explains the roles. */
export const permissionWords: Record<Permission, string> = {
  'article:view': 'read articles and pages',
  'article:edit': 'write and edit articles and pages',
  'article:publish': 'publish, schedule and archive them',
  'campaign:view': 'see campaigns',
  'campaign:edit': 'run campaigns',
  'signature:view': 'see signatures',
  'signature:export': 'export signatures',
  'member:view': 'see members',
  'member:edit': 'look after members and payments',
  'member:export': 'export members',
  'member:import': 'import members',
  'event:view': 'see events',
  'event:edit': 'run events',
  'registration:view': 'see registrations',
  'registration:export': 'export registrations',
  'event:access-needs': 'read registrants’ access needs (health data)',
  'feed:view': 'see partner feeds',
  'feed:edit': 'add and change partner feeds',
  'job:view': 'see background jobs',
  'job:retry': 'retry and cancel jobs',
  'message:view': 'read the email log',
  'message:send-test': 'send themselves a test email',
  'staff:view': 'see the staff',
  'staff:manage': 'invite, change and suspend staff',
  'settings:view': 'see the settings',
  'settings:edit': 'change the settings',
  'audit:view': 'read the audit log',
  'dashboard:view': 'see the dashboard',
};

/** What a role may do, in words, from the permission matrix (what it can change first, then what it can see). */
export function roleAbilities(role: StaffRole): string[] {
  const granted = rolePermissions[role];
  const changes = granted.filter((p) => !p.endsWith(':view'));
  const sees = granted.filter((p) => p.endsWith(':view'));
  return [...changes, ...sees].map((p) => permissionWords[p]);
}
