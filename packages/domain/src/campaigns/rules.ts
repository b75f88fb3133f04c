// Petition signing with double opt-in, campaign status changes, and the progress figures shown on a campaign page.
//
// Refusals to sign (campaign not active, no petition, deadline passed) are DomainError('INVALID_TRANSITION'):
// the supporter's input is fine, the campaign is in a state that does not accept signatures.
import type { Clock } from '../shared/clock.js';
import type { ConsentSource } from '../shared/consent.js';
import { recordConsent } from '../shared/consent.js';
import { canonicalEmail } from '../shared/email.js';
import { DomainError } from '../shared/errors.js';
import type { Language } from '../shared/language.js';
import { defaultSettings, parseSigningLimits } from '../settings/schema.js';
import type { SigningConsents } from './consent.js';
import type { IdGenerator } from '../shared/ids.js';
import { textIn } from '../shared/translations.js';
import type {
  Campaign,
  CampaignText,
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

/**
 * launch: draft → active; close: active → closed, with why (shown on its page with the final count); reopen:
 * closed → active, the reason cleared.
 */
export function transitionCampaign(
  campaign: Campaign,
  action: CampaignAction,
  clock: Clock,
  reason: string | null = null,
): Campaign {
  const { from, to } = CAMPAIGN_TRANSITIONS[action];
  if (campaign.status !== from) {
    throw new DomainError('INVALID_TRANSITION', `Cannot ${action} a campaign that is ${campaign.status}`);
  }
  const now = clock.now();
  const closing = action === 'close';
  return {
    ...campaign,
    status: to,
    closedAt: closing ? now : null,
    closedReason: closing ? reason?.trim() || null : null,
    updatedAt: now,
  };
}

/** Whether a petition's deadline has passed at `now`; signing at the deadline itself is still allowed. */
export function deadlinePassed(petition: Petition | null, now: Date): boolean {
  return petition?.deadline != null && now.getTime() > petition.deadline.getTime();
}

/** Open, as the site lists it: launched, not closed, and its petition's deadline (if any) not passed. */
export function isCampaignOpen(campaign: Campaign, now: Date): boolean {
  return campaign.status === 'active' && !deadlinePassed(campaign.petition, now);
}

/** The campaign's texts in `language`, else in the language it has (a page or email in the signer's language). */
export function campaignTextIn(
  campaign: Pick<Campaign, 'translations'>,
  language: Language,
): { language: Language; text: CampaignText } {
  return textIn(campaign.translations, language);
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
  if (deadlinePassed(campaign.petition, clock.now())) {
    throw new DomainError('INVALID_TRANSITION', 'The deadline for signing this petition has passed');
  }
}

/** A pending signature with its proofs of consent; it counts once confirmed by email (confirmSignature). */
export function newSignature(
  campaign: Campaign,
  input: SignatureInputParsed,
  ctx: {
    clock: Clock;
    ids: IdGenerator;
    /** The statements the form showed, in the signer's language. */
    consents: SigningConsents;
    language: Language;
    source?: string | null;
    /** How the consent reached us: the site's form unless imported or entered by staff. */
    consentSource?: ConsentSource;
  },
): Signature {
  assertCanSign(campaign, ctx.clock);
  const how = ctx.consentSource ?? 'form';
  const consent = recordConsent({ ...ctx.consents.signature, source: how }, ctx.clock);
  return {
    id: ctx.ids.id(),
    campaignId: campaign.id,
    name: input.name,
    email: input.email,
    canonicalEmail: canonicalEmail(input.email),
    country: input.country,
    postcode: input.postcode,
    consent,
    updatesConsent: input.updates ? recordConsent({ ...ctx.consents.updates, source: how }, ctx.clock) : null,
    status: 'pending',
    confirmedAt: null,
    createdAt: new Date(consent.givenAt.getTime()),
    language: ctx.language,
    source: ctx.source ?? null,
    emailsSent: 0,
    heldReason: null,
  };
}

/** A signature causes at most this many emails (its confirmation, re-sends, "you have already signed"). */
export const MAX_SIGNATURE_EMAILS = 5;

/** How long a confirmation link works, and how long an unconfirmed signature is kept. */
export const SIGNATURE_TOKEN_DAYS = 30;
export const UNCONFIRMED_SIGNATURE_DAYS = 30;
/** How long a signer's (hashed) address is kept for the per-address limits. */
export const SIGNING_ATTEMPT_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export function signatureTokenExpiresAt(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + SIGNATURE_TOKEN_DAYS * DAY_MS);
}

/** Before this moment, an unconfirmed signature (or a signer's hashed address) is old enough to delete. */
export function unconfirmedSignatureCutoff(now: Date): Date {
  return new Date(now.getTime() - UNCONFIRMED_SIGNATURE_DAYS * DAY_MS);
}

/** The per-address limits on one campaign: at most `max` signatures from one address within `seconds`. */
export interface SigningLimit {
  max: number;
  seconds: number;
}

/** The limits a fresh install has (the signingLimits setting's default). */
export const defaultSigningLimits: readonly SigningLimit[] = parseSigningLimits(
  defaultSettings.signingLimits,
);

/** Since when each limit counts an address's attempts, at `now` (in the order of `limits`). */
export function signingLimitWindows(limits: readonly SigningLimit[], now: Date): Date[] {
  return limits.map((limit) => new Date(now.getTime() - limit.seconds * 1000));
}

/**
 * Why a new signature from an address that already made `earlier[i]` attempts within limit i's window
 * (signingLimitWindows) is held for staff instead of emailed; null when it is within every limit.
 */
export function overSigningLimit(limits: readonly SigningLimit[], earlier: readonly number[]): string | null {
  for (const [i, limit] of limits.entries()) {
    if ((earlier[i] ?? 0) >= limit.max) {
      return `More than ${limit.max} signature${limit.max === 1 ? '' : 's'} from one address within ${limit.seconds} seconds`;
    }
  }
  return null;
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
