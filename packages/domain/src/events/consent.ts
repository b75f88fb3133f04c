// The two consents a registrant gives, shown in full on the form and stored with the registration exactly as
// shown, each with its own version (as campaigns/consent.ts does for signatures): keeping the registration
// (required), and keeping the access needs, which are health data (required only when access needs are given).
import type { ConsentText } from '../campaigns/consent.js';
import type { Language } from '../shared/language.js';

export const REGISTRATION_CONSENT_VERSION = 'event-registration-2026-12';
export const ACCESS_NEEDS_CONSENT_VERSION = 'event-access-needs-2026-12';

export interface RegistrationConsents {
  registration: ConsentText;
  accessNeeds: ConsentText;
}

/** The statements on `language`'s registration form for an event of `organisationName`. */
export function registrationConsents(language: Language, organisationName: string): RegistrationConsents {
  const org = organisationName.trim() || 'Ayni';
  if (language === 'es') {
    return {
      registration: {
        version: REGISTRATION_CONSENT_VERSION,
        statement:
          `Acepto que ${org} guarde mi nombre y mi correo electrónico como mi inscripción en este evento y me ` +
          'escriba sobre él: para confirmarla, si quedo en lista de espera o consigo plaza, y para recordármelo ' +
          'el día antes. Mis datos no se publican.',
      },
      accessNeeds: {
        version: ACCESS_NEEDS_CONSENT_VERSION,
        statement:
          `Acepto que ${org} guarde las necesidades de accesibilidad que he escrito para preparar el evento. ` +
          'Solo las lee el equipo que lo organiza, y se borran 30 días después del evento.',
      },
    };
  }
  return {
    registration: {
      version: REGISTRATION_CONSENT_VERSION,
      statement:
        `I agree that ${org} keeps my name and email address as my registration for this event and emails me ` +
        'about it: to confirm it, if I am on the waitlist or get a place, and to remind me the day before. ' +
        'My details are not published.',
    },
    accessNeeds: {
      version: ACCESS_NEEDS_CONSENT_VERSION,
      statement:
        `I agree that ${org} keeps the access needs I have written, to prepare the event. Only the staff ` +
        'organising it read them, and they are deleted 30 days after the event.',
    },
  };
}
