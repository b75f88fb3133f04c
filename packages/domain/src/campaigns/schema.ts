// A campaign is a cause with its own page, usually carrying a petition and a list of milestones.
import { z } from 'zod';
import { consentRecordSchema } from '../shared/consent.js';
import { emailSchema } from '../shared/email.js';
import { languageSchema } from '../shared/language.js';
import { optionalSlugSchema, slugSchema } from '../shared/slug.js';
import { optionalText, requiredText } from '../shared/text.js';
import { dateInputSchema } from '../shared/time.js';

export const campaignStatuses = ['draft', 'active', 'closed'] as const;
export const campaignStatusSchema = z.enum(campaignStatuses);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

export const petitionSchema = z.object({
  text: requiredText('Petition text', 5000),
  /** Whom the petition is addressed to. */
  target: requiredText('Petition target', 200),
  signatureGoal: z
    .number({ error: 'Signature goal must be a number' })
    .int({ error: 'Signature goal must be a whole number' })
    .min(1, { error: 'Signature goal must be at least 1' }),
  deadline: z.date().nullable(),
});
export type Petition = z.infer<typeof petitionSchema>;

export const milestoneSchema = z.object({
  id: z.string().min(1),
  title: requiredText('Milestone title', 200),
  description: optionalText('Milestone description', 2000),
  date: z.date().nullable(),
  reached: z.boolean(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const campaignSchema = z.object({
  id: z.string().min(1),
  slug: slugSchema,
  language: languageSchema,
  title: z.string().min(1).max(200),
  summary: z.string().max(500),
  body: z.string(),
  status: campaignStatusSchema,
  petition: petitionSchema.nullable(),
  milestones: z.array(milestoneSchema),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const petitionInputSchema = petitionSchema.extend({
  deadline: dateInputSchema('Deadline').nullable().default(null),
});

/** A milestone as edited: new ones have no id yet. */
export const milestoneInputSchema = milestoneSchema.extend({
  id: z.string().min(1).optional(),
  date: dateInputSchema('Milestone date').nullable().default(null),
  reached: z.boolean().default(false),
});

/** What a campaigner submits to create or update a campaign; the status changes through transitionCampaign. */
export const campaignInputSchema = z.object({
  language: languageSchema,
  /** Optional: generated from the title when absent or empty. */
  slug: optionalSlugSchema,
  title: requiredText('Title', 200),
  summary: optionalText('Summary', 500),
  body: optionalText('Body', 200_000, { trim: false }),
  petition: petitionInputSchema.nullable().default(null),
  milestones: z.array(milestoneInputSchema).default([]),
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

export const signatureStatuses = ['pending', 'confirmed'] as const;
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
