// Minting the links an email carries, at send time (docs/decisions/0009). The email job asks the worker's minters
// for each link its template declares; a minter answers with the URL (its token stored only as a hash, if at all)
// or refuses with a reason staff can read on the message (an invitation withdrawn meanwhile). Minters that need
// better-auth or the invitations live in packages/auth; the worker wires them (jobs never imports auth or api).
import { timingSafeEqual } from 'node:crypto';
import {
  findEventById,
  findRegistrationById,
  findSignatureById,
  hashToken,
  insertRegistrationToken,
  insertSignatureToken,
  insertUnsubscribeToken,
  newToken,
  wantsCampaignUpdates,
  type Database,
  type Secrets,
} from '@ayni/db';
import {
  absoluteUrl,
  registrationLinkPath,
  registrationTokenExpiresAt,
  signatureConfirmPath,
  signatureTokenExpiresAt,
  unsubscribePath,
} from '@ayni/domain';
import type { Kysely } from 'kysely';
import type { LinkRequest } from './templates/types.js';

export interface LinkContext {
  db: Kysely<Database>;
  /** The message's recipient. */
  recipient: string;
  /** The public site's address (from the settings). */
  siteUrl: string;
  /** When the message was recorded: a link that answers a request (a password reset) lasts from then, not now. */
  requestedAt: Date;
  now: Date;
}

export type MintedLink = { url: string } | { refused: string };

/** One minter per kind of link; a worker without one for a kind fails that message's sends (and retries them). */
export type LinkMinters = {
  [K in LinkRequest['kind']]?: (
    request: Extract<LinkRequest, { kind: K }>,
    context: LinkContext,
  ) => Promise<MintedLink>;
};

export async function mintLinks(
  requests: Record<string, LinkRequest>,
  minters: LinkMinters | undefined,
  context: LinkContext,
): Promise<{ links: Record<string, string> } | { refused: string }> {
  const links: Record<string, string> = {};
  for (const [name, request] of Object.entries(requests)) {
    const mint = minters?.[request.kind] as
      | ((request: LinkRequest, context: LinkContext) => Promise<MintedLink>)
      | undefined;
    if (!mint) throw new Error(`This process cannot make ${request.kind} links (the worker wires them)`);
    const minted = await mint(request, context);
    if ('refused' in minted) return minted;
    links[name] = minted.url;
  }
  return { links };
}

/** A link carrying a fresh token: only its hash is stored (`store`), the token only in the link's path. */
async function tokenLink(
  siteUrl: string,
  store: (tokenHash: string) => Promise<void>,
  path: (token: string) => string,
): Promise<MintedLink> {
  const token = newToken();
  await store(hashToken(token));
  return { url: absoluteUrl(siteUrl, path(token)) };
}

const UNSUBSCRIBE_PURPOSE = 'unsubscribe';

function unsubscribeSubject(list: string, recipient: string): string {
  return `${list}\n${recipient.trim().toLowerCase()}`;
}

/**
 * Unsubscribe links signed with SECRETS_KEY over the list and the recipient: nothing is stored, and the site checks
 * a link with verifyUnsubscribeLink (no one can unsubscribe another address by editing it).
 */
export function unsubscribeLinks(secrets: Secrets): NonNullable<LinkMinters['unsubscribe']> {
  return async ({ list }, { recipient, siteUrl }) => {
    const url = new URL('/unsubscribe', siteUrl);
    url.searchParams.set('list', list);
    url.searchParams.set('email', recipient);
    url.searchParams.set('sig', secrets.keyedHash(unsubscribeSubject(list, recipient), UNSUBSCRIBE_PURPOSE));
    return { url: url.href };
  };
}

export function verifyUnsubscribeLink(
  secrets: Secrets,
  link: { list: string; email: string; sig: string },
): boolean {
  const expected = secrets.keyedHash(unsubscribeSubject(link.list, link.email), UNSUBSCRIBE_PURPOSE);
  const given = Buffer.from(link.sig);
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
}

/**
 * A signature's confirmation link: a fresh token per email (each valid 30 days from its sending), only its hash
 * stored, in the path of the confirmation page in the signature's language. None for a signature no longer pending.
 */
export const signatureConfirmationLinks: NonNullable<LinkMinters['signature-confirmation']> = async (
  { signatureId },
  { db, siteUrl, now },
) => {
  const signature = await findSignatureById(db, signatureId);
  if (!signature) return { refused: 'Not sent: the signature no longer exists.' };
  if (signature.status !== 'pending') {
    return { refused: `Not sent: the signature is ${signature.status}, not waiting for confirmation.` };
  }
  return tokenLink(
    siteUrl,
    (tokenHash) =>
      insertSignatureToken(db, {
        signatureId,
        tokenHash,
        createdAt: now,
        expiresAt: signatureTokenExpiresAt(now),
      }),
    (token) => signatureConfirmPath(signature.language, token),
  );
};

/**
 * The link that stops a signer's news of a campaign (a milestone email's unsubscribe, RFC 8058's one-click address
 * too): a fresh token per email, only its hash stored, in the path of the unsubscribe page in the signature's
 * language. None — the email is not sent — once the signer has stopped the news, or the signature is no longer
 * confirmed.
 */
export const campaignUpdatesUnsubscribeLinks: NonNullable<
  LinkMinters['campaign-updates-unsubscribe']
> = async ({ signatureId }, { db, siteUrl, now }) => {
  const signature = await findSignatureById(db, signatureId);
  if (!signature) return { refused: 'Not sent: the signature no longer exists.' };
  if (!(await wantsCampaignUpdates(db, signatureId))) {
    return { refused: 'Not sent: the signer no longer wants news of this campaign.' };
  }
  return tokenLink(
    siteUrl,
    (tokenHash) => insertUnsubscribeToken(db, { signatureId, tokenHash, createdAt: now }),
    (token) => unsubscribePath(signature.language, token),
  );
};

/**
 * A registration's confirm or cancel link: a fresh token per email, only its hash stored (with its purpose), valid
 * until the event ends, in the path of the page in the registration's language. None for a cancelled registration.
 */
export const eventRegistrationLinks: NonNullable<LinkMinters['event-registration']> = async (
  { registrationId, purpose },
  { db, siteUrl, now },
) => {
  const registration = await findRegistrationById(db, registrationId);
  if (!registration) return { refused: 'Not sent: the registration no longer exists.' };
  if (registration.status === 'cancelled') return { refused: 'Not sent: the registration is cancelled.' };
  const event = await findEventById(db, registration.eventId);
  if (!event) return { refused: 'Not sent: the event no longer exists.' };
  return tokenLink(
    siteUrl,
    (tokenHash) =>
      insertRegistrationToken(db, {
        registrationId,
        purpose,
        tokenHash,
        createdAt: now,
        expiresAt: registrationTokenExpiresAt(event, now),
      }),
    (token) => registrationLinkPath(registration.language, purpose, token),
  );
};
