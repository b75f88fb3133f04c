// What the campaign rules need from storage; packages/db implements it.
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
  /** The existing signature by the same person (same canonical email) on a campaign, if any. */
  findByCanonicalEmail(campaignId: string, canonicalEmail: string): Promise<Signature | null>;
  countConfirmed(campaignId: string): Promise<number>;
  insert(signature: Signature): Promise<void>;
  update(signature: Signature): Promise<void>;
}
