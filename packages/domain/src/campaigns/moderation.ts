// What staff do with signatures (docs/decisions/0013): release a held one (it gets its confirmation email), reject a
// held or pending one, and delete one as spam. "Delete" keeps the row, rejected, so the record of what arrived and
// what was decided is never lost; a rejected signature does not count and frees the person to sign again. None
// touches a part of the site: the count the campaign pages show is at most a minute old anyway (service.ts).
import { change, type Change } from '../shared/change.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { CampaignRepository, SignatureEmails, SignatureRepository } from './ports.js';
import { assertCanSign, MAX_SIGNATURE_EMAILS } from './rules.js';
import type { Campaign, Signature, SignatureStatus } from './schema.js';
import { campaignTitle } from './views.js';

export interface ModerationPorts {
  campaigns: Pick<CampaignRepository, 'findById'>;
  signatures: Pick<SignatureRepository, 'findById' | 'update' | 'claimEmail'>;
  emails: Pick<SignatureEmails, 'confirmation'>;
  clock: Clock;
}

export interface ModerateSignature {
  signatureId: string;
}

export interface Moderated {
  signature: Signature;
  /** The status it had before. */
  was: SignatureStatus;
  /** Release only: whether its confirmation email was queued (not when it had had its MAX_SIGNATURE_EMAILS). */
  emailed: boolean;
}

export type ModerationAction = 'release' | 'reject' | 'delete-as-spam';

/** The statuses each action starts from: a confirmed signature is taken back only as spam. */
export const moderationFrom: Readonly<Record<ModerationAction, readonly SignatureStatus[]>> = {
  release: ['held'],
  reject: ['held', 'pending'],
  'delete-as-spam': ['pending', 'confirmed', 'held'],
};

/** Whether staff may do `action` to a signature in `status` (the admin shows only the buttons that apply). */
export function canModerate(status: SignatureStatus, action: ModerationAction): boolean {
  return moderationFrom[action].includes(status);
}

const refusals: Readonly<Record<ModerationAction, Partial<Record<SignatureStatus, string>>>> = {
  release: {
    pending: 'This signature is not held: it is already waiting for its confirmation',
    confirmed: 'This signature is not held: it is already confirmed',
    rejected: 'This signature was rejected; it cannot be released',
  },
  reject: {
    confirmed: 'This signature is confirmed: delete it as spam instead',
    rejected: 'This signature is already rejected',
  },
  'delete-as-spam': { rejected: 'This signature is already rejected' },
};

async function load(ports: ModerationPorts, signatureId: string, action: ModerationAction) {
  const signature = await ports.signatures.findById(signatureId);
  if (!signature) throw new DomainError('NOT_FOUND', 'Signature not found');
  if (!canModerate(signature.status, action)) {
    throw new DomainError(
      'INVALID_TRANSITION',
      refusals[action][signature.status] ?? `Cannot ${action} this signature`,
    );
  }
  const campaign = await ports.campaigns.findById(signature.campaignId);
  if (!campaign) throw new DomainError('NOT_FOUND', 'Campaign not found');
  return { signature, campaign };
}

const on = (campaign: Campaign) => `on “${campaignTitle(campaign)}”`;

/**
 * A held signature (over the per-address limit) becomes pending and gets its confirmation email, counted against
 * the signature's MAX_SIGNATURE_EMAILS: released, it still counts only once the signer confirms.
 */
export async function releaseSignature(
  ports: ModerationPorts,
  command: ModerateSignature,
): Promise<Change<Moderated>> {
  const { signature, campaign } = await load(ports, command.signatureId, 'release');
  // The signer could not confirm it: the link would open on a closed petition.
  try {
    assertCanSign(campaign, ports.clock);
  } catch (error) {
    if (error instanceof DomainError) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `${error.message}: the signer could not confirm it now. Reject it, or leave it held.`,
      );
    }
    throw error;
  }
  const released: Signature = { ...signature, status: 'pending', heldReason: null };
  await ports.signatures.update(released);
  const emailed = await ports.signatures.claimEmail(signature.id, MAX_SIGNATURE_EMAILS);
  if (emailed) await ports.emails.confirmation(released, campaign);
  return change(
    { signature: released, was: signature.status, emailed },
    {
      action: 'signature.release',
      resourceType: 'signature',
      resourceId: signature.id,
      summary:
        `Released the held signature of ${signature.name} ${on(campaign)}` +
        (emailed ? '' : ` (no email sent: it has had its ${MAX_SIGNATURE_EMAILS})`),
    },
  );
}

/** A held or pending signature is rejected: it never counts, and its confirmation link stops working. */
export async function rejectSignature(
  ports: ModerationPorts,
  command: ModerateSignature,
): Promise<Change<Moderated>> {
  const { signature, campaign } = await load(ports, command.signatureId, 'reject');
  const rejected: Signature = { ...signature, status: 'rejected' };
  await ports.signatures.update(rejected);
  return change(
    { signature: rejected, was: signature.status, emailed: false },
    {
      action: 'signature.reject',
      resourceType: 'signature',
      resourceId: signature.id,
      summary: `Rejected the ${signature.status} signature of ${signature.name} ${on(campaign)}`,
    },
  );
}

/**
 * Any signature not yet rejected is rejected as spam; a confirmed one stops counting (the count drops by one).
 * The row stays, with its consent and dates, so nothing that arrived is lost.
 */
export async function deleteSignatureAsSpam(
  ports: ModerationPorts,
  command: ModerateSignature,
): Promise<Change<Moderated>> {
  const { signature, campaign } = await load(ports, command.signatureId, 'delete-as-spam');
  const rejected: Signature = { ...signature, status: 'rejected' };
  await ports.signatures.update(rejected);
  return change(
    { signature: rejected, was: signature.status, emailed: false },
    {
      action: 'signature.delete-as-spam',
      resourceType: 'signature',
      resourceId: signature.id,
      summary:
        `Deleted the ${signature.status} signature of ${signature.name} ${on(campaign)} as spam` +
        (signature.status === 'confirmed' ? ' (the count drops by one)' : ''),
    },
  );
}
