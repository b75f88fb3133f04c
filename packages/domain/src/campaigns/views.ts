// What staff read about campaigns and signatures: a row of the campaigns list, a campaign as its editor opens it,
// a row of the signatures list (and of the CSV export), the counts per status, and the campaigns to filter by.
// packages/db's query functions fill these; the API declares them as its output.
import { z } from 'zod';
import { articleSchema } from '../articles/schema.js';
import { translationsSchema } from '../shared/translations.js';
import { topicSchema } from '../topics/schema.js';
import {
  campaignSchema,
  campaignStatusSchema,
  signatureSchema,
  signatureStatuses,
  type Campaign,
} from './schema.js';

/** One signature as staff see it: the signer, how it stands, where it came from, and its consent. */
export const signatureListItemSchema = signatureSchema
  .pick({
    id: true,
    campaignId: true,
    name: true,
    email: true,
    country: true,
    postcode: true,
    status: true,
    heldReason: true,
    source: true,
    language: true,
    createdAt: true,
    confirmedAt: true,
    emailsSent: true,
  })
  .extend({
    /** The campaign's title (in English when it has one, else in its other language). */
    campaignTitle: z.string(),
    /** The version of the statement the signer agreed to. */
    consentVersion: z.string(),
    /** Whether they also asked to be kept updated about the campaign (and have not stopped the news since). */
    updatesConsent: z.boolean(),
  });
export type SignatureListItem = z.infer<typeof signatureListItemSchema>;

const count = z.number().int().min(0);

/** How many signatures stand in each status (every status has its number, zero included). */
export const signatureCountsSchema = z.object({
  pending: count,
  confirmed: count,
  held: count,
  rejected: count,
});
export type SignatureCounts = z.infer<typeof signatureCountsSchema>;

export function noSignatureCounts(): SignatureCounts {
  return Object.fromEntries(signatureStatuses.map((s) => [s, 0])) as SignatureCounts;
}

/** A campaign in the signatures page's filter: its id and its title in each of its languages. */
export const campaignChoiceSchema = z.object({
  id: z.string().min(1),
  titles: translationsSchema(z.string()),
});
export type CampaignChoice = z.infer<typeof campaignChoiceSchema>;

/** The name staff know a campaign by: its English title, else its title in its other language. */
export function campaignTitle(campaign: Pick<Campaign, 'translations'>): string {
  const { en, es } = campaign.translations;
  return (en ?? es)?.title ?? 'Untitled campaign';
}

/** A row of the admin's campaigns list: how it stands and how its petition is doing. */
export const campaignListItemSchema = z.object({
  id: z.string().min(1),
  status: campaignStatusSchema,
  titles: translationsSchema(z.string()),
  /** Confirmed signatures (exact, for staff). */
  confirmed: count,
  /** Signatures held for staff to release or reject. */
  held: count,
  /** The petition's goal; null when the campaign has no petition. */
  goal: z.number().int().min(1).nullable(),
  deadline: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type CampaignListItem = z.infer<typeof campaignListItemSchema>;

/** An article as the campaign editor's pickers show it (related articles, updates). */
export const articleChoiceSchema = articleSchema.pick({
  id: true,
  title: true,
  language: true,
  status: true,
  publishedAt: true,
});
export type ArticleChoice = z.infer<typeof articleChoiceSchema>;

/** A campaign as its editor opens it, with what is saved with it and its exact counts. */
export const campaignDetailSchema = campaignSchema.extend({
  related: z.array(articleChoiceSchema),
  updates: z.array(articleChoiceSchema),
  topics: z.array(topicSchema),
  confirmed: count,
  held: count,
});
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;
