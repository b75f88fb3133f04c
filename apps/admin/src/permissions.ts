// What the signed-in role may use. The admin only hides what a role cannot use; the API is the guard.
import { staffRoles, type Permission, type StaffRole } from '@ayni/domain';

export type { Permission, StaffRole };
export { staffRoles };
export type Permissions = readonly Permission[];

export const roleLabels: Record<StaffRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  editor: 'Editor',
  campaigner: 'Campaigner',
  membership: 'Membership secretary',
  viewer: 'Viewer',
};

export function roleLabel(role: string): string {
  return role in roleLabels ? roleLabels[role as StaffRole] : role;
}

/** The roles someone may hand out: only an owner may make another owner. */
export function assignableRoles(myRole: string, current?: string): readonly StaffRole[] {
  return staffRoles.filter((r) => r !== 'owner' || myRole === 'owner' || current === 'owner');
}
