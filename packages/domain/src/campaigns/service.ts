// The campaigns' use cases (docs/decisions/0013): signing a petition from the public site and confirming the
// signature from the emailed link. Neither is audited (the signer is not staff) and neither touches a part of the
// site: a signature changes only the count, which the campaign pages show at most a minute old instead of making
// every page render again.
import { change, type Change } from '../shared/change.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { IdGenerator } from '../shared/ids.js';
import type { Language } from '../shared/language.js';
import type { SigningConsents } from './consent.js';
import { reachMilestonesByCount, type MilestonePorts } from './milestones.js';
import type { CampaignRepository, SignatureEmails, SignatureRepository, SigningAttempts } from './ports.js';
import {
  assertCanSign,
  confirmSignature,
  MAX_SIGNATURE_EMAILS,
  newSignature,
  overSigningLimit,
  signingLimitWindows,
  type SigningLimit,
} from './rules.js';
import type { Campaign, Signature, SignatureInputParsed } from './schema.js';

export interface SigningPorts {
  campaigns: Pick<CampaignRepository, 'findById'>;
  signatures: SignatureRepository;
  attempts: SigningAttempts;
  emails: SignatureEmails;
  clock: Clock;
  ids: IdGenerator;
}

export interface SignPetition {
  campaignId: string;
  /** The language of the page signed on: the form's statements and the emails are in it. */
  language: Language;
  input: SignatureInputParsed;
  /** The statements the form showed (signingConsents). */
  consents: SigningConsents;
  source: string | null;
  /** A keyed hash of the signer's address (an IPv6 address by its /64), or null when it is not known. */
  addressHash: string | null;
  limits: readonly SigningLimit[];
}

/**
 * What happened, for tests and the benchmark; the signer sees the same "check your email" page whatever it is, so
 * signing never tells whether an address had signed.
 */
export type SigningOutcome =
  /** A new signature, its confirmation email queued. */
  | 'emailed'
  /** A new signature over the per-address limit: kept for staff to release or reject, no email. */
  | 'held'
  /** The person's pending signature, updated and its confirmation sent again. */
  | 'resent'
  /** The person had confirmed already: a "you have already signed" email. */
  | 'already-signed'
  /** Nothing sent: the signature is held, over the limit, or has had its MAX_SIGNATURE_EMAILS emails. */
  | 'not-emailed';

export interface Signed {
  signatureId: string;
  outcome: SigningOutcome;
}

/** Signs a campaign's petition: one signature per person, double opt-in, per-address limits. */
export async function signPetition(ports: SigningPorts, command: SignPetition): Promise<Change<Signed>> {
  const campaign = await ports.campaigns.findById(command.campaignId);
  if (!campaign) throw new DomainError('NOT_FOUND', 'Campaign not found');
  assertCanSign(campaign, ports.clock);
  const now = ports.clock.now();
  const heldReason = command.addressHash
    ? await limitCheck(ports, campaign.id, command.addressHash, command.limits, now)
    : null;
  const fresh = newSignature(campaign, command.input, {
    clock: ports.clock,
    ids: ports.ids,
    consents: command.consents,
    language: command.language,
    source: command.source,
  });
  const candidate: Signature = heldReason
    ? { ...fresh, status: 'held', heldReason }
    : { ...fresh, emailsSent: 1 };
  if (await ports.signatures.insertIfNew(candidate)) {
    if (heldReason) return change({ signatureId: candidate.id, outcome: 'held' }, null);
    await ports.emails.confirmation(candidate, campaign);
    return change({ signatureId: candidate.id, outcome: 'emailed' }, null);
  }
  const existing = await ports.signatures.findLive(campaign.id, fresh.canonicalEmail);
  // Refused by the index, yet rejected since (staff marked it spam this very moment): signing again works.
  if (!existing) throw new DomainError('CONFLICT', 'Please send the form again');
  return change(await signAgain(ports, campaign, existing, fresh, heldReason !== null), null);
}

async function limitCheck(
  ports: SigningPorts,
  campaignId: string,
  addressHash: string,
  limits: readonly SigningLimit[],
  now: Date,
): Promise<string | null> {
  const earlier = await ports.attempts.countSince(campaignId, addressHash, signingLimitWindows(limits, now));
  const reason = overSigningLimit(limits, earlier);
  await ports.attempts.record(campaignId, addressHash, now);
  return reason;
}

/**
 * The same person signing again. A pending signature takes the new name, country and postcode (and the updates
 * consent if given now) and gets its confirmation again; a confirmed one is told it has signed. The address on
 * record is kept (the one the first email went to), and nothing goes out past the limits.
 */
async function signAgain(
  ports: SigningPorts,
  campaign: Campaign,
  existing: Signature,
  fresh: Signature,
  overLimit: boolean,
): Promise<Signed> {
  const signatureId = existing.id;
  const mayEmail = async () =>
    !overLimit && (await ports.signatures.claimEmail(signatureId, MAX_SIGNATURE_EMAILS));
  if (existing.status === 'confirmed') {
    if (!(await mayEmail())) return { signatureId, outcome: 'not-emailed' };
    await ports.emails.alreadySigned(existing, campaign);
    return { signatureId, outcome: 'already-signed' };
  }
  const updated: Signature = {
    ...existing,
    name: fresh.name,
    country: fresh.country,
    postcode: fresh.postcode,
    updatesConsent: existing.updatesConsent ?? fresh.updatesConsent,
  };
  await ports.signatures.update(updated);
  if (existing.status !== 'pending' || !(await mayEmail())) return { signatureId, outcome: 'not-emailed' };
  await ports.emails.confirmation(updated, campaign);
  return { signatureId, outcome: 'resent' };
}

export interface ConfirmSignatureByLink {
  /** The hash of the token in the link's path (the token itself never reaches the domain's storage). */
  tokenHash: string;
}

export type LinkConfirmation =
  /** Confirmed now, or already confirmed (a second press is harmless): the thank-you page. */
  | { status: 'confirmed'; signature: Signature; campaign: Campaign; now: boolean }
  /** The petition stopped taking signatures before this one was confirmed. */
  | { status: 'closed'; signature: Signature; campaign: Campaign }
  /** No valid link: unknown, expired, or its signature rejected meanwhile. */
  | { status: 'invalid' };

/**
 * The button on the confirmation page (a POST: a GET never confirms, whatever opens the link). A confirmation that
 * brings the count to a milestone's threshold marks it reached and queues its emails, in the same transaction.
 */
export async function confirmSignatureByLink(
  ports: Pick<SigningPorts, 'campaigns' | 'signatures' | 'clock'> &
    Pick<MilestonePorts, 'milestones' | 'announcements'>,
  command: ConfirmSignatureByLink,
): Promise<Change<LinkConfirmation>> {
  const signature = await ports.signatures.findByTokenHash(command.tokenHash, ports.clock.now());
  const campaign = signature ? await ports.campaigns.findById(signature.campaignId) : null;
  if (!signature || !campaign || (signature.status !== 'pending' && signature.status !== 'confirmed')) {
    return change({ status: 'invalid' }, null);
  }
  if (signature.status === 'confirmed') {
    return change({ status: 'confirmed', signature, campaign, now: false }, null);
  }
  try {
    assertCanSign(campaign, ports.clock);
  } catch (error) {
    if (error instanceof DomainError) return change({ status: 'closed', signature, campaign }, null);
    throw error;
  }
  const confirmed = confirmSignature(signature, ports.clock);
  await ports.signatures.update(confirmed);
  // A milestone reached shows on the hub's timeline; a confirmation alone touches no page (the count is a minute old).
  const reached = await reachMilestonesByCount(ports, campaign);
  return change(
    { status: 'confirmed', signature: confirmed, campaign, now: true },
    null,
    reached.length > 0 ? ['campaigns'] : [],
  );
}
