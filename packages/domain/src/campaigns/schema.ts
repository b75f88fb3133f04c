// A campaign is a cause with its own page, usually carrying a petition and a list of milestones. It is one thing in
// one or two languages: its figures once, its texts and slug per language.
import { z } from 'zod';
import { consentRecordSchema } from '../shared/consent.js';
import { languageSchema, type Language } from '../shared/language.js';
import { oncePerLanguage, personFields } from '../shared/person.js';
import { CAMPAIGN_RESERVED_SLUGS } from '../shared/paths.js';
import { optionalSlugSchema, slugSchema } from '../shared/slug.js';
import { optionalText, requiredText } from '../shared/text.js';
import { dateInputSchema } from '../shared/time.js';
import { typedTopicsSchema } from '../topics/schema.js';
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
  /** When it was reached (by hand or by its threshold); null while it has not been, or for one reached before 0011. */
  reachedAt: z.date().nullable(),
  /** The confirmed count that marks it reached by itself; null: reached only by hand. */
  signatureThreshold: z.number().int().min(1).nullable(),
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
  /** When and why it closed (the deadline passed, or staff's words); null while it has not. */
  closedAt: z.date().nullable(),
  closedReason: z.string().nullable(),
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
  slug: optionalSlugSchema.refine((slug) => !slug || !CAMPAIGN_RESERVED_SLUGS.has(slug), {
    error: 'This slug is taken by one of the site’s own campaign pages: choose another',
  }),
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
  signatureThreshold: z
    .number({ error: 'Signature threshold must be a number' })
    .int({ error: 'Signature threshold must be a whole number' })
    .min(1, { error: 'Signature threshold must be at least 1' })
    .nullable()
    .default(null),
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

/** A current ISO 3166-1 code Intl can name: not a grouping (EU), nor a retired one that now means another (DD, YU). */
function isCountry(code: string): boolean {
  return (
    /^[A-Z]{2}$/.test(code) &&
    !NOT_COUNTRIES.has(code) &&
    regionNames.of(code) !== undefined &&
    Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`
  );
}

function countryCodeSchema(required: string, invalid: string) {
  return z
    .string({ error: required })
    .trim()
    .toUpperCase()
    .transform((code) => (code === 'UK' ? 'GB' : code))
    .refine(isCountry, { error: invalid });
}

const countryLists = new Map<Language, { code: string; name: string }[]>();

/** Every country a signer may choose, named in `language` and in its alphabetical order (for the sign form). */
export function countryOptions(language: Language): readonly { code: string; name: string }[] {
  let list = countryLists.get(language);
  if (!list) {
    const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    list = [...letters]
      .flatMap((a) => [...letters].map((b) => a + b))
      .filter(isCountry)
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((x, y) => x.name.localeCompare(y.name, language));
    countryLists.set(language, list);
  }
  return list;
}

/** Where a signer came from, as `?source=` says it (a partner's link, a newsletter): a short token, else null. */
export function signatureSource(raw: string | null | undefined): string | null {
  const value = raw?.trim() ?? '';
  return /^[\w.:-]{1,64}$/.test(value) ? value : null;
}

/** ISO 3166-1 alpha-2, upper-cased; "UK" is accepted as the common spelling of GB. */
export const countrySchema = countryCodeSchema(
  'Country is required',
  'Country must be a two-letter country code such as GB or PE',
);

/** The signing form's messages in each language: an error names the field in the page's language. */
const signingMessages = {
  en: {
    countryInvalid: 'Choose your country',
    postcodeLong: 'Your postcode must be 16 characters or fewer',
    consentRequired: 'Tick the box to agree to us keeping your signature',
  },
  es: {
    countryInvalid: 'Elige tu país',
    postcodeLong: 'Tu código postal debe tener 16 caracteres como máximo',
    consentRequired: 'Marca la casilla para aceptar que guardemos tu firma',
  },
} as const satisfies Record<Language, Record<string, string>>;

export const CONSENT_REQUIRED_MESSAGE = signingMessages.en.consentRequired;

/**
 * What a supporter submits to sign a petition, with its errors in `language`. `updates` is the separate, optional
 * "keep me updated about this campaign".
 */
export const signatureInputSchemaFor = oncePerLanguage(buildSignatureInputSchema);

function buildSignatureInputSchema(language: Language) {
  const m = signingMessages[language];
  return z.object({
    ...personFields(language),
    country: countryCodeSchema(m.countryInvalid, m.countryInvalid),
    postcode: z
      .string({ error: m.postcodeLong })
      .trim()
      .max(16, { error: m.postcodeLong })
      .nullable()
      .optional()
      .transform((value) => (value ? value : null)),
    consent: z.literal(true, { error: m.consentRequired }),
    updates: z.boolean().default(false),
  });
}

/** What a supporter submits to sign a petition (errors in English). */
export const signatureInputSchema = signatureInputSchemaFor('en');
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
  /** The optional "keep me updated about this campaign", with its own statement and version. */
  updatesConsent: consentRecordSchema.nullable(),
  status: signatureStatusSchema,
  confirmedAt: z.date().nullable(),
  createdAt: z.date(),
  /** The language of the page it was made on: its emails are in it. */
  language: languageSchema,
  /** Where the signer came from (`?source=` on the campaign's address: a partner, a newsletter). */
  source: z.string().nullable(),
  /** The emails it has caused (confirmation, re-sends, "you have already signed"); at most MAX_SIGNATURE_EMAILS. */
  emailsSent: z.number().int().min(0),
  /** Why it is held for staff instead of confirmed by email. */
  heldReason: z.string().nullable(),
});
export type Signature = z.infer<typeof signatureSchema>;

/** At most this many related articles, updates and topics on one campaign (the hub shows a handful of each). */
export const CAMPAIGN_LINKS_MAX = 50;

function articleIdsSchema(label: string) {
  return z
    .array(z.string().min(1).max(100), { error: `${label} must be a list of articles` })
    .max(CAMPAIGN_LINKS_MAX, { error: `${label}: at most ${CAMPAIGN_LINKS_MAX} articles` })
    .default([])
    .transform((ids) => [...new Set(ids)]);
}

/**
 * What the admin's campaign editor submits: the campaign's texts, petition and milestones, and what is saved with
 * it — the related articles staff picked (in their order), the updates attached to it, its topics typed by name.
 */
export const campaignEditSchema = campaignInputSchema.safeExtend({
  relatedArticleIds: articleIdsSchema('Related articles'),
  updateArticleIds: articleIdsSchema('Updates'),
  topics: typedTopicsSchema(20, 'At most 20 topics'),
});
export type CampaignEditInput = z.input<typeof campaignEditSchema>;
export type CampaignEdit = z.output<typeof campaignEditSchema>;
