// The organisation's settings: how it appears on the public site and in the emails Ayni sends.
import { z } from 'zod';
import { countrySchema } from '../campaigns/schema.js';
import { timeZoneSchema } from '../shared/time.js';

const LIMITS_MESSAGE =
  'Signing limits must be pairs of signatures/seconds separated by commas, such as 1/60, 5/300';

/** "1/60, 5/300": at most 1 signature from one address per 60 seconds, and 5 per 300 seconds. */
export const signingLimitsSchema = z
  .string({ error: LIMITS_MESSAGE })
  .trim()
  .regex(/^\d{1,6}\s*\/\s*\d{1,6}(\s*,\s*\d{1,6}\s*\/\s*\d{1,6})*$/, { error: LIMITS_MESSAGE })
  .transform((text) =>
    text
      .split(',')
      .map((pair) => pair.replace(/\s+/g, ''))
      .join(', '),
  )
  .refine((text) => parseSigningLimits(text).every((l) => l.max >= 1 && l.seconds >= 1), {
    error: 'Each signing limit needs at least 1 signature and at least 1 second',
  });

/** The limits a signingLimits setting states, in its order. */
export function parseSigningLimits(text: string): { max: number; seconds: number }[] {
  return text
    .split(',')
    .map((pair) => pair.split('/').map((n) => Number(n.trim())))
    .filter(([max, seconds]) => Number.isInteger(max) && Number.isInteger(seconds))
    .map(([max, seconds]) => ({ max: max!, seconds: seconds! }));
}

export const settingsSchema = z.object({
  organisationName: z.string().trim().min(1, { error: 'Organisation name is required' }).max(200),
  postalAddress: z.string().trim().max(500, { error: 'Postal address must be at most 500 characters' }),
  siteUrl: z
    .string()
    .trim()
    .pipe(
      z.url({
        protocol: /^https?$/,
        error: 'Site URL must be a web address starting with http:// or https://',
      }),
    ),
  defaultLanguage: z.enum(['en', 'es'], { error: 'Default language must be English (en) or Spanish (es)' }),
  timeZone: timeZoneSchema,
  contactEmail: z.union([
    z.literal(''),
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: 'Contact email must be a valid email address' })),
  ]),
  /** The country a petition's sign form starts with. */
  defaultCountry: countrySchema,
  /** Per-address limits on signing one campaign; a signature over them is held for staff (see signPetition). */
  signingLimits: signingLimitsSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

/** What a fresh database reads before anyone has saved the settings. */
export const defaultSettings: Settings = {
  organisationName: 'Ayni',
  postalAddress: '',
  siteUrl: 'http://localhost:3000',
  defaultLanguage: 'en',
  timeZone: 'Europe/London',
  contactEmail: '',
  defaultCountry: 'GB',
  // As the UK Parliament's petitions site: a burst of 1 per minute, 5 per five minutes.
  signingLimits: '1/60, 5/300',
};

export const settingNames = Object.keys(defaultSettings) as (keyof Settings)[];

/** Each setting's name inside a sentence, as the Settings form labels it ("Changed the time zone"). */
export const settingWords: Readonly<Record<keyof Settings, string>> = {
  organisationName: 'organisation name',
  postalAddress: 'postal address',
  siteUrl: 'site address',
  defaultLanguage: 'default language',
  timeZone: 'time zone',
  contactEmail: 'contact email',
  defaultCountry: 'default country',
  signingLimits: 'signing limits',
};
