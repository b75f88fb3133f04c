// A thing that exists once whatever the language (a campaign with its one count, an event with its one capacity)
// keeps its texts per language: at least one language, the other optional. (An article is different: its
// translation is another article, linked to it.)
import { z } from 'zod';
import { languages, type Language } from './language.js';

export type Translations<T> = Partial<Record<Language, T>>;

export const AT_LEAST_ONE_LANGUAGE_MESSAGE = 'Write the texts in English, in Spanish, or in both';

/** `{ en?: text, es?: text }` with at least one of them. */
export function translationsSchema<T extends z.ZodType>(text: T) {
  return z
    .object({ en: text.optional(), es: text.optional() } satisfies Record<Language, z.ZodType>)
    .refine((t) => t.en !== undefined || t.es !== undefined, { error: AT_LEAST_ONE_LANGUAGE_MESSAGE });
}

/** The languages a thing has texts in, in the site's order (English first). */
export function languagesOf(translations: Translations<unknown>): Language[] {
  return languages.filter((language) => translations[language] !== undefined);
}
