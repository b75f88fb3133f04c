// Petition signing with double opt-in, campaign status changes, and the progress figures shown on a campaign page.
//
// Refusals to sign (campaign not active, no petition, deadline passed) are DomainError('INVALID_TRANSITION'):
// the supporter's input is fine, the campaign is in a state that does not accept signatures.
import type { Clock } from '../shared/clock.js';
import type { ConsentSource } from '../shared/consent.js';
import { recordConsent } from '../shared/consent.js';
import { canonicalEmail } from '../shared/email.js';
import { DomainError } from '../shared/errors.js';
import type { IdGenerator } from '../shared/ids.js';
import type {
  Campaign,
  CampaignStatus,
  Milestone,
  Petition,
  Signature,
  SignatureInputParsed,
} from './schema.js';

export type CampaignAction = 'launch' | 'close' | 'reopen';

const CAMPAIGN_TRANSITIONS: Readonly<Record<CampaignAction, { from: CampaignStatus; to: CampaignStatus }>> = {
  launch: { from: 'draft', to: 'active' },
  close: { from: 'active', to: 'closed' },
  reopen: { from: 'closed', to: 'active' },
};

/** launch: draft → active; close: active → closed; reopen: closed → active. */
export function transitionCampaign(campaign: Campaign, action: CampaignAction, clock: Clock): Campaign {
  const { from, to } = CAMPAIGN_TRANSITIONS[action];
  if (campaign.status !== from) {
    throw new DomainError('INVALID_TRANSITION', `Cannot ${action} a campaign that is ${campaign.status}`);
  }
  return { ...campaign, status: to, updatedAt: clock.now() };
}

/** Throws DomainError('INVALID_TRANSITION') unless the campaign's petition accepts signatures now. */
export function assertCanSign(
  campaign: Campaign,
  clock: Clock,
): asserts campaign is Campaign & { petition: Petition } {
  if (campaign.status === 'draft') {
    throw new DomainError('INVALID_TRANSITION', 'This petition is not open for signatures yet');
  }
  if (campaign.status === 'closed') {
    throw new DomainError('INVALID_TRANSITION', 'This petition is closed');
  }
  if (campaign.petition === null) {
    throw new DomainError('INVALID_TRANSITION', 'This campaign has no petition to sign');
  }
  const { deadline } = campaign.petition;
  if (deadline !== null && clock.now().getTime() > deadline.getTime()) {
    throw new DomainError('INVALID_TRANSITION', 'The deadline for signing this petition has passed');
  }
}

/** A pending signature with its proof of consent; it counts once confirmed by email (confirmSignature). */
export function newSignature(
  campaign: Campaign,
  input: SignatureInputParsed,
  ctx: {
    clock: Clock;
    ids: IdGenerator;
    consentStatement: string;
    consentVersion: string;
    source?: ConsentSource;
  },
): Signature {
  assertCanSign(campaign, ctx.clock);
  const consent = recordConsent(
    { statement: ctx.consentStatement, version: ctx.consentVersion, source: ctx.source ?? 'form' },
    ctx.clock,
  );
  return {
    id: ctx.ids.id(),
    campaignId: campaign.id,
    name: input.name,
    email: input.email,
    canonicalEmail: canonicalEmail(input.email),
    country: input.country,
    postcode: input.postcode,
    consent,
    status: 'pending',
    confirmedAt: null,
    createdAt: new Date(consent.givenAt.getTime()),
  };
}

/**
 * Idempotent, because mail scanners and impatient people open confirmation links more than once. Only a pending
 * signature is confirmed: a held or rejected one stays as it is, whoever opens its link.
 */
export function confirmSignature(signature: Signature, clock: Clock): Signature {
  if (signature.status !== 'pending') return signature;
  return { ...signature, status: 'confirmed', confirmedAt: clock.now() };
}

export interface PetitionProgress {
  count: number;
  goal: number;
  /** Whole percent, 0–100; rounded down so 100 means the goal is really reached. */
  percent: number;
}

export function petitionProgress(count: number, goal: number): PetitionProgress {
  const safeCount = Math.max(0, Math.floor(count));
  const percent = goal > 0 ? Math.min(100, Math.floor((safeCount * 100) / goal)) : 0;
  return { count: safeCount, goal, percent };
}

/** The first milestone not yet reached: dated ones in date order, then undated ones in their listed order. */
export function nextMilestone(
  source: readonly Milestone[] | { milestones: readonly Milestone[] },
): Milestone | null {
  const milestones = 'milestones' in source ? source.milestones : source;
  const pending = milestones
    .map((milestone, index) => ({ milestone, index }))
    .filter(({ milestone }) => !milestone.reached);
  pending.sort((a, b) => {
    const ad = a.milestone.date?.getTime() ?? Number.POSITIVE_INFINITY;
    const bd = b.milestone.date?.getTime() ?? Number.POSITIVE_INFINITY;
    return ad === bd ? a.index - b.index : ad - bd;
  });
  return pending[0]?.milestone ?? null;
}
