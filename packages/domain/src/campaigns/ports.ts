// What the campaign rules need from storage and from the mail queue; packages/db (and the apps wiring the queue)
// implement it.
import type { Language } from '../shared/language.js';
import type { Campaign, Signature } from './schema.js';

export interface CampaignRepository {
  findById(id: string): Promise<Campaign | null>;
  findBySlug(language: Language, slug: string): Promise<Campaign | null>;
  insert(campaign: Campaign): Promise<void>;
  update(campaign: Campaign): Promise<void>;
}

export interface SignatureRepository {
  findById(id: string): Promise<Signature | null>;
  /** The person's signature on the campaign (same canonical email) that is not rejected, if any. */
  findLive(campaignId: string, canonicalEmail: string): Promise<Signature | null>;
  /**
   * Inserts the signature unless the same person already has one that is not rejected — the database's unique
   * index decides, so two posts at once cannot both insert; says whether it did.
   */
  insertIfNew(signature: Signature): Promise<boolean>;
  /** Saves what can change: name, postcode, country, the updates consent, status, why held (not emails sent). */
  update(signature: Signature): Promise<void>;
  /**
   * Counts one more email for the signature if it has had fewer than `max`, in one statement (two posts at once
   * cannot both take the last one); says whether it did.
   */
  claimEmail(signatureId: string, max: number): Promise<boolean>;
  /** The signature whose confirmation link carried the token with this hash, while that link is valid. */
  findByTokenHash(tokenHash: string, now: Date): Promise<Signature | null>;
  countConfirmed(campaignId: string): Promise<number>;
}

/** Each signing attempt per campaign by a keyed hash of the signer's address, for the per-address limits. */
export interface SigningAttempts {
  /** How many attempts the address made on the campaign since each of `since` (in that order), in one read. */
  countSince(campaignId: string, addressHash: string, since: readonly Date[]): Promise<number[]>;
  record(campaignId: string, addressHash: string, at: Date): Promise<void>;
}

/** The signer's emails, queued on the transaction (sent only if the signature commits; links minted at send). */
export interface SignatureEmails {
  confirmation(signature: Signature, campaign: Campaign): Promise<void>;
  alreadySigned(signature: Signature, campaign: Campaign): Promise<void>;
}

/** What closing a campaign at its petition's deadline needs (the worker's sweep; retention.ts). */
export interface CampaignDeadlines {
  findById(id: string): Promise<Campaign | null>;
  /**
   * Saves the closed campaign (status, when and why) only if it is still active, in one statement, so two sweeps at
   * once, or staff closing it meanwhile, close it once; says whether it did.
   */
  closeIfActive(closed: Campaign): Promise<boolean>;
}

/** Deleting what signing leaves behind once it is no longer needed; each call deletes at most `limit` rows. */
export interface SigningDataRetention {
  /**
   * Pending signatures made before `cutoff` and sent no confirmation link since (their links go with them); how
   * many were deleted.
   */
  deletePendingSignaturesBefore(cutoff: Date, limit: number): Promise<number>;
  /** Signers' hashed addresses recorded before `cutoff`; how many were deleted. */
  deleteSigningAttemptsBefore(cutoff: Date, limit: number): Promise<number>;
  /** Confirmation links whose expiry is before `now`; how many were deleted. */
  deleteSignatureTokensExpiredBefore(now: Date, limit: number): Promise<number>;
}

/** What is saved with a campaign: articles picked as related (in order), articles attached as updates, topics. */
export interface CampaignLinks {
  related: string[];
  updates: string[];
  /** Topic slugs. */
  topics: string[];
}

/** What the admin's campaign editor needs from storage (editing.ts). */
export interface CampaignEditingRepository {
  findById(id: string): Promise<Campaign | null>;
  /** The slugs in `language` that are `base` or `base-<n>`, for picking a free generated slug. */
  slugsLike(language: Language, base: string): Promise<Set<string>>;
  /** Inserts a new campaign; a slug another campaign has in that language is DomainError('CONFLICT', slug). */
  insert(campaign: Campaign): Promise<void>;
  /**
   * Saves only if the stored `updatedAt` is still `expectedUpdatedAt` (else DomainError('STALE_VERSION')); a slug
   * another campaign has is DomainError('CONFLICT', slug).
   */
  update(campaign: Campaign, expectedUpdatedAt: Date): Promise<void>;
  links(campaignId: string): Promise<CampaignLinks>;
  /** Replaces the campaign's related articles, updates and topics. */
  setLinks(campaignId: string, links: CampaignLinks): Promise<void>;
  /** Which of these article ids exist. */
  existingArticles(ids: readonly string[]): Promise<Set<string>>;
}
