// The name and email a member of the public types into a site form (signing a petition, registering for an event),
// with errors in the page's language that name the field.
import { z } from 'zod';
import { EMAIL_MAX_LENGTH } from './email.js';
import type { Language } from './language.js';

const personMessages = {
  en: {
    nameRequired: 'Enter your name',
    nameLong: 'Your name must be 120 characters or fewer',
    emailRequired: 'Enter your email address',
    emailLong: 'Your email address must be 254 characters or fewer',
    emailInvalid: 'Enter an email address in the format name@example.com',
  },
  es: {
    nameRequired: 'Escribe tu nombre',
    nameLong: 'Tu nombre debe tener 120 caracteres como máximo',
    emailRequired: 'Escribe tu correo electrónico',
    emailLong: 'Tu correo electrónico debe tener 254 caracteres como máximo',
    emailInvalid: 'Escribe un correo electrónico con el formato nombre@ejemplo.com',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** A person's name and email fields (trimmed; the email as typed, checked), errors in `language`. */
export function personFields(language: Language) {
  const m = personMessages[language];
  return {
    name: z
      .string({ error: m.nameRequired })
      .trim()
      .min(1, { error: m.nameRequired })
      .max(120, { error: m.nameLong }),
    email: z
      .string({ error: m.emailRequired })
      .trim()
      .min(1, { error: m.emailRequired })
      .max(EMAIL_MAX_LENGTH, { error: m.emailLong })
      .pipe(z.email({ error: m.emailInvalid })),
  };
}

/**
 * `build` memoised per language: a zod schema is costly to build (and compiles its fast path on its first parse),
 * and a site form is parsed on every post.
 */
export function oncePerLanguage<T>(build: (language: Language) => T): (language: Language) => T {
  const built = new Map<Language, T>();
  return (language) => {
    let value = built.get(language);
    if (value === undefined) {
      value = build(language);
      built.set(language, value);
    }
    return value;
  };
}
