// The links of the emails that concern accounts, minted by the worker when it sends them (docs/decisions/0009):
// nothing but a hash of their token is ever stored, and each send mints a fresh one, which lasts only until one
// lifetime after the reset was asked for (and none is minted after that).
// - Password reset: a token created through better-auth's own adapter, with the identifier and expiry its
//   /reset-password endpoints read (verification.storeIdentifier is 'hashed', so only its hash is stored).
// - Staff invitation: a token whose hash replaces the invitation's, only while the invitation is open.
import { findInvitation, renewInvitationToken, type Database } from '@ayni/db';
import { invitationNotSentReason, passwordResetExpiresAt, passwordResetNotSentReason } from '@ayni/domain';
import type { Kysely } from 'kysely';
import { hashToken, newToken } from './accounts.js';
import type { Auth } from './auth.js';

type MintedLink = { url: string } | { refused: string };
interface MintContext {
  db: Kysely<Database>;
  /** When the message asking for the link was recorded. */
  requestedAt: Date;
  now: Date;
}

/** Where the admin's reset page is; better-auth's link checks the token, then sends the browser there. */
export const RESET_PASSWORD_PAGE = '/reset-password';

export function accountLinkMinters(auth: Auth, options: { adminUrl: string }) {
  return {
    async 'password-reset'(
      { userId }: { userId: string },
      { requestedAt, now }: MintContext,
    ): Promise<MintedLink> {
      // Every send mints a fresh token: without this, a retry days later would re-arm a reset long expired.
      const stale = passwordResetNotSentReason(requestedAt, now);
      if (stale) return { refused: stale };
      const context = await auth.$context;
      if (!(await context.internalAdapter.findUserById(userId))) {
        return { refused: 'Not sent: the account no longer exists.' };
      }
      const token = newToken();
      await context.internalAdapter.createVerificationValue({
        value: userId,
        identifier: `reset-password:${token}`,
        expiresAt: passwordResetExpiresAt(requestedAt),
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
