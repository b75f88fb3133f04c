// The links of the emails that concern accounts, minted by the worker when it sends them (docs/decisions/0009):
// nothing but a hash of their token is ever stored, and each send mints a fresh one.
// - Password reset: a token created through better-auth's own adapter, with the identifier and expiry its
//   /reset-password endpoints read (verification.storeIdentifier is 'hashed', so only its hash is stored).
// - Staff invitation: a token whose hash replaces the invitation's, only while the invitation is open.
import { findInvitation, renewInvitationToken, type Database } from '@ayni/db';
import { invitationNotSentReason, PASSWORD_RESET_TTL_MINUTES } from '@ayni/domain';
import type { Kysely } from 'kysely';
import { hashToken, newToken } from './accounts.js';
import type { Auth } from './auth.js';

type MintedLink = { url: string } | { refused: string };
interface MintContext {
  db: Kysely<Database>;
  now: Date;
}

/** Where the admin's reset page is; better-auth's link checks the token, then sends the browser there. */
export const RESET_PASSWORD_PAGE = '/reset-password';

export function accountLinkMinters(auth: Auth, options: { adminUrl: string }) {
  return {
    async 'password-reset'({ userId }: { userId: string }, { now }: MintContext): Promise<MintedLink> {
      const context = await auth.$context;
      if (!(await context.internalAdapter.findUserById(userId))) {
        return { refused: 'Not sent: the account no longer exists.' };
      }
      const token = newToken();
      const seconds =
        context.options.emailAndPassword?.resetPasswordTokenExpiresIn ?? PASSWORD_RESET_TTL_MINUTES * 60;
      await context.internalAdapter.createVerificationValue({
        value: userId,
        identifier: `reset-password:${token}`,
        expiresAt: new Date(now.getTime() + seconds * 1000),
      });
      const callbackURL = encodeURIComponent(`${options.adminUrl}${RESET_PASSWORD_PAGE}`);
      return { url: `${context.baseURL}/reset-password/${token}?callbackURL=${callbackURL}` };
    },

    async 'staff-invitation'(
      { invitationId }: { invitationId: string },
      { db, now }: MintContext,
    ): Promise<MintedLink> {
      const token = newToken();
      if (await renewInvitationToken(db, invitationId, hashToken(token), now)) {
        return { url: `${options.adminUrl}/accept-invitation?token=${token}` };
      }
      return {
        refused:
          invitationNotSentReason(await findInvitation(db, invitationId), now) ??
          'Not sent: the invitation changed while its email was being sent.',
      };
    },
  };
}
