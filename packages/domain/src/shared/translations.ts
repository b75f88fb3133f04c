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

/** The texts in `language`, or in the thing's first language when it has none in that one (an email's words). */
export function textIn<T>(
  translations: Translations<T>,
  language: Language,
): { language: Language; text: T } {
  const own = translations[language] !== undefined ? language : languagesOf(translations)[0]!;
  return { language: own, text: translations[own]! };
}
