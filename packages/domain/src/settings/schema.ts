// The organisation's settings: how it appears on the public site and in the emails Ayni sends.
import { z } from 'zod';
import { timeZoneSchema } from '../shared/time.js';

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
};
