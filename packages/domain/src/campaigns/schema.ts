// A campaign is a cause with its own page, usually carrying a petition and a list of milestones. It is one thing in
// one or two languages: its figures once, its texts and slug per language.
import { z } from 'zod';
import { consentRecordSchema } from '../shared/consent.js';
import { emailSchema } from '../shared/email.js';
import { optionalSlugSchema, slugSchema } from '../shared/slug.js';
import { optionalText, requiredText } from '../shared/text.js';
import { dateInputSchema } from '../shared/time.js';
import { languagesOf, translationsSchema } from '../shared/translations.js';

export const campaignStatuses = ['draft', 'active', 'closed'] as const;
export const campaignStatusSchema = z.enum(campaignStatuses);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

/** The petition's figures, the same in every language; its wording is in each translation (petitionText). */
export const petitionSchema = z.object({
  /** Whom the petition is addressed to. */
  target: requiredText('Petition target', 200),
  signatureGoal: z
    .number({ error: 'Signature goal must be a number' })
    .int({ error: 'Signature goal must be a whole number' })
    .min(1, { error: 'Signature goal must be at least 1' }),
  deadline: z.date().nullable(),
});
export type Petition = z.infer<typeof petitionSchema>;

/** A campaign's texts in one language. The slug is unique per language across campaigns. */
export const campaignTextSchema = z.object({
  slug: slugSchema,
  title: z.string().min(1).max(200),
  summary: z.string().max(500),
  body: z.string(),
  /** The petition's wording in this language; null when the campaign has no petition. */
  petitionText: z.string().nullable(),
});
export type CampaignText = z.infer<typeof campaignTextSchema>;

export const milestoneTextSchema = z.object({
  title: requiredText('Milestone title', 200),
  description: optionalText('Milestone description', 2000),
});
export type MilestoneText = z.infer<typeof milestoneTextSchema>;

export const milestoneSchema = z.object({
  id: z.string().min(1),
  date: z.date().nullable(),
  reached: z.boolean(),
  translations: translationsSchema(milestoneTextSchema),
});
export type Milestone = z.infer<typeof milestoneSchema>;

/** One campaign whatever the language: one status, one goal, one deadline, one count of signatures. */
export const campaignSchema = z.object({
  id: z.string().min(1),
  status: campaignStatusSchema,
  petition: petitionSchema.nullable(),
  translations: translationsSchema(campaignTextSchema),
  milestones: z.array(milestoneSchema),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const petitionInputSchema = petitionSchema.extend({
  deadline: dateInputSchema('Deadline').nullable().default(null),
});

/** A campaign's texts in one language as a campaigner submits them. */
export const campaignTextInputSchema = z.object({
  /** Optional: generated from the title when absent or empty. */
  slug: optionalSlugSchema,
  title: requiredText('Title', 200),
  summary: optionalText('Summary', 500),
  body: optionalText('Body', 200_000, { trim: false }),
  /** Required in each language when the campaign has a petition. */
  petitionText: optionalText('Petition text', 5000)
    .nullable()
    .transform((text) => (text ? text : null)),
});

/** A milestone as edited: new ones have no id yet. */
export const milestoneInputSchema = z.object({
  id: z.string().min(1).optional(),
  date: dateInputSchema('Milestone date').nullable().default(null),
  reached: z.boolean().default(false),
  translations: z.object({ en: milestoneTextSchema.optional(), es: milestoneTextSchema.optional() }),
});

/**
 * What a campaigner submits to create or update a campaign; the status changes through transitionCampaign.
 * Every language the campaign is written in needs the petition's wording (when it has a petition) and each
 * milestone's title, so a reader never meets half a page in the other language.
 */
export const campaignInputSchema = z
  .object({
    translations: translationsSchema(campaignTextInputSchema),
    petition: petitionInputSchema.nullable().default(null),
    milestones: z.array(milestoneInputSchema).default([]),
  })
  .superRefine((campaign, ctx) => {
    for (const language of languagesOf(campaign.translations)) {
      if (campaign.petition !== null && campaign.translations[language]?.petitionText === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['translations', language, 'petitionText'],
          message: 'Petition text is required',
        });
      }
      campaign.milestones.forEach((milestone, index) => {
        if (milestone.translations[language] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['milestones', index, 'translations', language, 'title'],
            message: 'Milestone title is required',
          });
        }
      });
    }
  });
export type CampaignInput = z.input<typeof campaignInputSchema>;
export type CampaignInputParsed = z.output<typeof campaignInputSchema>;

// Codes Intl knows as regions but that are not countries a person lives in.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO']);
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** ISO 3166-1 alpha-2, upper-cased; "UK" is accepted as the common spelling of GB. */
export const countrySchema = z
  .string({ error: 'Country is required' })
  .trim()
  .toUpperCase()
  .transform((code) => (code === 'UK' ? 'GB' : code))
  .refine(
    (code) => /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && regionNames.of(code) !== undefined,
    {
      error: 'Country must be a two-letter country code such as GB or PE',
    },
  );

export const CONSENT_REQUIRED_MESSAGE =
  'Please confirm you agree to us keeping your signature and contacting you about this campaign';

/** What a supporter submits to sign a petition. */
export const signatureInputSchema = z.object({
  name: requiredText('Name', 120),
  email: emailSchema,
  country: countrySchema,
  postcode: z
    .string({ error: 'Postcode must be text' })
    .trim()
    .max(16, { error: 'Postcode must be 16 characters or fewer' })
    .nullable()
    .optional()
    .transform((value) => (value ? value : null)),
  consent: z.literal(true, { error: CONSENT_REQUIRED_MESSAGE }),
});
export type SignatureInput = z.input<typeof signatureInputSchema>;
export type SignatureInputParsed = z.output<typeof signatureInputSchema>;

/**
 * pending until the email link is opened, then confirmed (it counts); held (kept aside, for example for review)
 * and rejected exist for the moderation the next issues add.
 */
export const signatureStatuses = ['pending', 'confirmed', 'held', 'rejected'] as const;
export const signatureStatusSchema = z.enum(signatureStatuses);
export type SignatureStatus = z.infer<typeof signatureStatusSchema>;

export const signatureSchema = z.object({
  id: z.string().min(1),
  campaignId: z.string().min(1),
  name: z.string().min(1),
  /** As typed; used for sending. */
  email: z.string(),
  /** Used to find the same person signing twice (see canonicalEmail). */
  canonicalEmail: z.string(),
  country: z.string().length(2),
  postcode: z.string().nullable(),
  consent: consentRecordSchema,
  status: signatureStatusSchema,
  confirmedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type Signature = z.infer<typeof signatureSchema>;
