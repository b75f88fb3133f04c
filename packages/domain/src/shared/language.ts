// The site is bilingual: an article is written in one of these (linked to its twin in the other); a campaign or an
// event has its texts in one or both (shared/translations.ts).
import { z } from 'zod';

export const languages = ['en', 'es'] as const;

export const languageSchema = z.enum(languages, { error: 'Language must be English (en) or Spanish (es)' });

export type Language = z.infer<typeof languageSchema>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function otherLanguage(language: Language): Language {
  return language === 'en' ? 'es' : 'en';
}

/** The BCP 47 locale used for formatting dates and money in each language (a UK–Peru organisation). */
export const localeFor: Readonly<Record<Language, string>> = { en: 'en-GB', es: 'es-PE' };
