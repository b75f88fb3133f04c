// What staff read about signatures: a row of the admin's list (and of the CSV export), the counts per status, and
// the campaigns to filter by. packages/db's query functions fill these; the API declares them as its output.
import { z } from 'zod';
import { translationsSchema } from '../shared/translations.js';
import { signatureSchema, signatureStatuses, type Campaign } from './schema.js';

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
