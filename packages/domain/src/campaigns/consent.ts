// The two consents a signer gives, shown in full on the form and stored with the signature exactly as shown, each
// with its own version: keeping the signature (required), and news of this campaign by email (optional). A change
// of wording is a new version, so each signature says which words its signer agreed to.
import type { Language } from '../shared/language.js';

export const SIGNATURE_CONSENT_VERSION = 'signature-2026-12';
export const UPDATES_CONSENT_VERSION = 'campaign-updates-2026-12';

export interface ConsentText {
  statement: string;
  version: string;
}

export interface SigningConsents {
  signature: ConsentText;
  updates: ConsentText;
}

/** The statements on `language`'s sign form for a petition of `organisationName`. */
export function signingConsents(language: Language, organisationName: string): SigningConsents {
  const org = organisationName.trim() || 'Ayni';
  if (language === 'es') {
    return {
      signature: {
        version: SIGNATURE_CONSENT_VERSION,
        statement:
          `Acepto que ${org} guarde mi nombre, correo electrónico, país y código postal como mi firma de esta ` +
          'petición, la cuente en el total público y me escriba para que la confirme. Mis datos no se publican. ' +
          'Una firma sin confirmar se borra a los 30 días.',
      },
      updates: {
        version: UPDATES_CONSENT_VERSION,
        statement:
          `Quiero recibir noticias de esta campaña: ${org} puede escribirme sobre ella, por ejemplo cuando se ` +
          'alcance un hito. Puedo dejar de recibirlas cuando quiera con el enlace de cada correo.',
      },
    };
  }
  return {
    signature: {
      version: SIGNATURE_CONSENT_VERSION,
      statement:
        `I agree that ${org} keeps my name, email address, country and postcode as my signature on this ` +
        'petition, counts it in the public total and emails me to confirm it. My details are not published. ' +
        'A signature that is not confirmed is deleted after 30 days.',
    },
    updates: {
      version: UPDATES_CONSENT_VERSION,
      statement:
        `Keep me updated about this campaign: ${org} may email me news of it, such as a milestone reached. ` +
        'I can stop these emails at any time with the link in each one.',
    },
  };
}
