// The two languages and their locales, with no zod: the public site's browser bundle imports this module alone
// (`@ayni/domain/locale`), and the rest of the domain would bring zod with it. The schema is in language.ts.
export const languages = ['en', 'es'] as const;

export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function otherLanguage(language: Language): Language {
  return language === 'en' ? 'es' : 'en';
}

/** The BCP 47 locale used for formatting dates and money in each language (a UK–Peru organisation). */
export const localeFor: Readonly<Record<Language, string>> = { en: 'en-GB', es: 'es-PE' };
