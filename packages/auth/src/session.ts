// Reads the staff session from a request's headers. The role comes from our user row (an additional field).
import type { Auth } from './auth.js';

export interface StaffSession {
  userId: string;
  name: string;
  email: string;
  role: string;
  sessionId: string;
  twoFactorEnabled: boolean;
}

export async function staffSessionFrom(auth: Auth, headers: Headers): Promise<StaffSession | null> {
  const result = await auth.api.getSession({ headers });
  if (!result) return null;
  const user = result.user as typeof result.user & {
    role?: string | null;
    suspendedAt?: Date | string | null;
  };
  // Suspension deletes sessions at once; this also covers a session cached elsewhere.
  if (user.suspendedAt) return null;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role ?? 'viewer',
    sessionId: result.session.id,
    twoFactorEnabled: user.twoFactorEnabled === true,
  };
}
