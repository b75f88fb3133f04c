// Staff accounts: what first-run setup (and later invitations) accept, and an account as the admin lists it.
import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 12;

export const staffRoles = ['owner', 'admin', 'editor', 'campaigner', 'membership', 'viewer'] as const;
export const staffRoleSchema = z.enum(staffRoles, { error: 'Role must be one of: ' + staffRoles.join(', ') });
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** Each role's name as people read it (the admin's Staff page, the audit log). */
export const staffRoleLabels: Readonly<Record<StaffRole, string>> = {
  owner: 'Owner',
  admin: 'Admin',
  editor: 'Editor',
  campaigner: 'Campaigner',
  membership: 'Membership secretary',
  viewer: 'Viewer',
};

/** A role inside a sentence: "as editor", "to membership secretary". */
export function staffRoleWord(role: StaffRole): string {
  return staffRoleLabels[role].toLowerCase();
}

/** A staff account as the admin lists it. */
export const staffAccountSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  email: z.string(),
  role: staffRoleSchema,
  suspendedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;

/** Where an invitation stands (staff/rules.ts `invitationState`). */
export const invitationStates = ['pending', 'accepted', 'revoked', 'expired'] as const;
export const invitationStateSchema = z.enum(invitationStates);
export type InvitationState = z.infer<typeof invitationStateSchema>;

export const passwordSchema = z
  .string({ error: 'Password is required' })
  .min(MIN_PASSWORD_LENGTH, { error: `Password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(256, { error: 'Password must be at most 256 characters' });

export const staffNameSchema = z
  .string({ error: 'Name is required' })
  .trim()
  .min(1, { error: 'Name is required' })
  .max(120, { error: 'Name must be at most 120 characters' });

export const ownerSetupSchema = z.object({
  name: staffNameSchema,
  email: z
    .string({ error: 'Email is required' })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'Email must be a valid email address' })),
  password: passwordSchema,
});
export type OwnerSetup = z.infer<typeof ownerSetupSchema>;

export const invitationInputSchema = z.object({
  email: z
    .string({ error: 'Email is required' })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'Email must be a valid email address' })),
  role: staffRoleSchema,
});
export type InvitationInput = z.infer<typeof invitationInputSchema>;

export const acceptInvitationSchema = z.object({
  token: z
    .string({ error: 'The invitation link is incomplete' })
    .min(20, { error: 'The invitation link is incomplete' }),
  name: staffNameSchema,
  password: passwordSchema,
});
export type AcceptInvitation = z.infer<typeof acceptInvitationSchema>;

export const changeRoleSchema = z.object({ userId: z.string().min(1), role: staffRoleSchema });
export const staffRefSchema = z.object({ userId: z.string().min(1, { error: 'Choose a staff member' }) });
