// The site is bilingual: an article is written in one of these (linked to its twin in the other); a campaign or an
// event has its texts in one or both (shared/translations.ts).
import { z } from 'zod';
import { languages, type Language } from './locale.js';

export * from './locale.js';

export const languageSchema = z.enum(languages, { error: 'Language must be English (en) or Spanish (es)' });

/** Each language's name in English, as the admin and the audit log say it. */
export const languageNames: Readonly<Record<Language, string>> = { en: 'English', es: 'Spanish' };
