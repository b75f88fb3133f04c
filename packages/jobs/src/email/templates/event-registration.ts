// A registrant's emails (issue 14), in the registration's language: confirm your registration (holding a place
// for 48 hours, or on the waitlist with the position), you are registered (the event's .ics attached, with the
// online link), you are off the waitlist, your registration is cancelled, and the reminder the day before. The
// confirm and cancel links are minted when each email is sent (kind 'event-registration'); the message record
// keeps the registration's id and the event's details, never a token.
import { eventStatusSchema, requiredText, type Language } from '@ayni/domain';
import { buildCalendar } from '@ayni/domain/calendar';
import { z } from 'zod';
import { oneLine } from './escape.js';
import { httpUrlField, isoDateTimeField } from './fields.js';
import { paragraphs, renderMessage, type Block } from './layout.js';
import type { EmailAttachment, EmailOrganisation, EmailTemplate, RenderedEmail } from './types.js';

/** What a registrant's email says about the event, as the event was when the email was queued. */
export const registrationEmailData = z.object({
  registrationId: requiredText('Registration id', 100),
  name: requiredText('Name', 200),
  eventId: requiredText('Event id', 100),
  eventTitle: requiredText('Event title', 300),
  eventSummary: z.string().max(1000).default(''),
  /** "Wed 21 June, 6.00pm–8.00pm, London time", in the registration's language. */
  when: requiredText('When', 300),
  /** The venue and address, or "Online". */
  where: requiredText('Where', 600),
  eventUrl: httpUrlField('Event URL'),
  /** Only in the registrant's own emails: never on a public page or file. */
  onlineUrl: httpUrlField('Online link').nullable().default(null),
  startsAt: isoDateTimeField('Start'),
  endsAt: isoDateTimeField('End'),
  timeZone: requiredText('Time zone', 100),
  venue: z.object({ name: z.string(), address: z.string() }).nullable(),
  status: eventStatusSchema,
  updatedAt: isoDateTimeField('Last change'),
});
type RegistrationEmailData = z.output<typeof registrationEmailData>;

const confirmData = registrationEmailData.extend({
  /** The place in line when waitlisted; null when a place is held. */
  position: z.number().int().min(1).nullable(),
});
const offTheWaitlistData = registrationEmailData.extend({
  /** True: the place is held for 48 hours until confirmed (the email was not confirmed yet). */
  held: z.boolean(),
});

const link = (purpose: 'confirm' | 'cancel') => ({
  label: purpose === 'confirm' ? 'Confirm URL' : 'Cancel URL',
  request: (data: { registrationId: string }) => ({
    kind: 'event-registration' as const,
    registrationId: data.registrationId,
    purpose,
  }),
});

const words = {
  en: {
    hello: (name: string) => `Hello ${name},`,
    when: (when: string) => `When: ${when}`,
    where: (where: string) => `Where: ${where}`,
    online: 'Join online',
    onlineNote: 'The online link is for you alone: please do not share it.',
    calendar: 'The event is attached as a calendar file (.ics): open it to add the event to your calendar.',
    cancelNote: 'If you cannot come, please cancel so that someone else can have your place.',
    cancel: 'Cancel my registration',
    see: 'See the event',
    ignore: 'If you did not register, you can ignore this email: the registration will lapse.',
    calendarName: (org: string) => `${org} – Events`,
  },
  es: {
    hello: (name: string) => `Hola, ${name}:`,
    when: (when: string) => `Cuándo: ${when}`,
    where: (where: string) => `Dónde: ${where}`,
    online: 'Entrar en línea',
    onlineNote: 'El enlace para participar en línea es solo para ti: por favor, no lo compartas.',
    calendar: 'El evento va adjunto como archivo de calendario (.ics): ábrelo para añadirlo a tu calendario.',
    cancelNote: 'Si no puedes venir, cancela tu inscripción para que otra persona pueda tener tu plaza.',
    cancel: 'Cancelar mi inscripción',
    see: 'Ver el evento',
    ignore: 'Si no te inscribiste, puedes ignorar este correo: la inscripción caducará.',
    calendarName: (org: string) => `${org} – Eventos`,
  },
} as const satisfies Record<Language, unknown>;

/** When and where, then the online link as a button (the registrant's own emails only). */
function details(data: RegistrationEmailData, language: Language): Block[] {
  const w = words[language];
  const blocks: Block[] = paragraphs([w.when(data.when), w.where(data.where)]);
  if (data.onlineUrl !== null) {
    blocks.push({ kind: 'button', label: w.online, url: data.onlineUrl }, ...paragraphs([w.onlineNote]));
  }
  return blocks;
}

function cancelBlocks(language: Language, cancelUrl: string): Block[] {
  const w = words[language];
  return [...paragraphs([w.cancelNote]), { kind: 'button', label: w.cancel, url: cancelUrl }];
}

/** The event as one registrant's calendar file: the online link written in, the UID the public files use. */
function calendarAttachment(
  data: RegistrationEmailData,
  language: Language,
  org: EmailOrganisation,
): EmailAttachment {
  const content = buildCalendar(
    [
      {
        id: data.eventId,
        title: data.eventTitle,
        summary: data.eventSummary,
        startsAt: new Date(data.startsAt),
        endsAt: new Date(data.endsAt),
        timeZone: data.timeZone,
        venue: data.venue,
        status: data.status,
        updatedAt: new Date(data.updatedAt),
        url: data.eventUrl,
      },
    ],
    {
      host: hostOf(org.siteUrl),
      name: words[language].calendarName(org.name),
      language,
      ...(data.onlineUrl !== null ? { onlineUrl: data.onlineUrl } : {}),
    },
  );
  return { filename: 'event.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content };
}

function hostOf(siteUrl: string): string {
  try {
    return new URL(siteUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

function withCalendar(
  email: RenderedEmail,
  data: RegistrationEmailData,
  language: Language,
  org: EmailOrganisation,
) {
  return { ...email, attachments: [calendarAttachment(data, language, org)] };
}

export const eventRegistrationConfirmTemplate: EmailTemplate<typeof confirmData, 'confirmUrl' | 'cancelUrl'> =
  {
    name: 'event-registration-confirm',
    kind: 'transactional',
    data: confirmData,
    links: { confirmUrl: link('confirm'), cancelUrl: link('cancel') },
    render(data, language, org, links) {
      const title = oneLine(data.eventTitle);
      const w = words[language];
      const waiting = data.position !== null;
      const copy =
        language === 'es'
          ? {
              subject: waiting
                ? `Estás en la lista de espera de “${title}”: confirma tu correo`
                : `Confirma tu inscripción en “${title}”`,
              heading: waiting ? 'Estás en la lista de espera' : 'Confirma tu inscripción',
              lines: waiting
                ? [
                    `Gracias por inscribirte en “${title}”. El evento está completo: eres el número ${data.position} de la lista de espera.`,
                    'Confirma tu correo: si queda una plaza libre y te toca, la tendrás enseguida y te escribiremos.',
                  ]
                : [
                    `Gracias por inscribirte en “${title}”. Te guardamos una plaza durante 48 horas.`,
                    'Confirma tu inscripción con el botón: si no la confirmas en 48 horas, la plaza pasará a la siguiente persona.',
                  ],
              button: 'Confirmar mi inscripción',
            }
          : {
              subject: waiting
                ? `You are on the waitlist for “${title}”: confirm your email`
                : `Confirm your registration for “${title}”`,
              heading: waiting ? 'You are on the waitlist' : 'Confirm your registration',
              lines: waiting
                ? [
                    `Thank you for registering for “${title}”. The event is full: you are number ${data.position} on the waitlist.`,
                    'Please confirm your email: if a place comes free and it is your turn, it is yours at once and we will email you.',
                  ]
                : [
                    `Thank you for registering for “${title}”. We are holding a place for you for 48 hours.`,
                    'Please confirm your registration with the button: if it is not confirmed within 48 hours, the place goes to the next person.',
                  ],
              button: 'Confirm my registration',
            };
      return renderMessage(language, org, copy, [
        ...paragraphs([w.hello(data.name), ...copy.lines, w.when(data.when), w.where(data.where)]),
        { kind: 'button', label: copy.button, url: links.confirmUrl },
        ...cancelBlocks(language, links.cancelUrl),
        ...paragraphs([w.ignore]),
      ]);
    },
  };

export const eventRegisteredTemplate: EmailTemplate<typeof registrationEmailData, 'cancelUrl'> = {
  name: 'event-registered',
  kind: 'transactional',
  data: registrationEmailData,
  links: { cancelUrl: link('cancel') },
  render(data, language, org, links) {
    const title = oneLine(data.eventTitle);
    const w = words[language];
    const copy =
      language === 'es'
        ? {
            subject: `Tienes plaza en “${title}”`,
            heading: 'Tu inscripción está confirmada',
            line: `Tu plaza en “${title}” está confirmada. ¡Te esperamos!`,
          }
        : {
            subject: `You have a place at “${title}”`,
            heading: 'Your registration is confirmed',
            line: `Your place at “${title}” is confirmed. See you there!`,
          };
    const email = renderMessage(language, org, copy, [
      ...paragraphs([w.hello(data.name), copy.line]),
      ...details(data, language),
      ...paragraphs([w.calendar]),
      ...cancelBlocks(language, links.cancelUrl),
    ]);
    return withCalendar(email, data, language, org);
  },
};

export const eventOffTheWaitlistTemplate: EmailTemplate<
  typeof offTheWaitlistData,
  'confirmUrl' | 'cancelUrl'
> = {
  name: 'event-off-the-waitlist',
  kind: 'transactional',
  data: offTheWaitlistData,
  links: { confirmUrl: link('confirm'), cancelUrl: link('cancel') },
  render(data, language, org, links) {
    const title = oneLine(data.eventTitle);
    const w = words[language];
    const copy =
      language === 'es'
        ? {
            subject: `Ya no estás en la lista de espera de “${title}”: tienes plaza`,
            heading: 'Tienes plaza',
            line: data.held
              ? `Ha quedado una plaza libre en “${title}” y es tuya: te la guardamos durante 48 horas. Confirma tu inscripción con el botón para quedártela.`
              : `Ha quedado una plaza libre en “${title}” y es tuya: tu inscripción está confirmada.`,
            button: 'Confirmar mi inscripción',
          }
        : {
            subject: `You are off the waitlist for “${title}”: you have a place`,
            heading: 'You have a place',
            line: data.held
              ? `A place has come free at “${title}” and it is yours: we are holding it for 48 hours. Please confirm your registration with the button to keep it.`
              : `A place has come free at “${title}” and it is yours: your registration is confirmed.`,
            button: 'Confirm my registration',
          };
    const blocks: Block[] = paragraphs([w.hello(data.name), copy.line]);
    if (data.held) {
      blocks.push(...paragraphs([w.when(data.when), w.where(data.where)]), {
        kind: 'button',
        label: copy.button,
        url: links.confirmUrl,
      });
    } else {
      blocks.push(...details(data, language), ...paragraphs([w.calendar]));
    }
    const email = renderMessage(language, org, copy, [...blocks, ...cancelBlocks(language, links.cancelUrl)]);
    return data.held ? email : withCalendar(email, data, language, org);
  },
};

export const eventRegistrationCancelledTemplate: EmailTemplate<typeof registrationEmailData> = {
  name: 'event-registration-cancelled',
  kind: 'transactional',
  data: registrationEmailData,
  render(data, language, org) {
    const title = oneLine(data.eventTitle);
    const w = words[language];
    const copy =
      language === 'es'
        ? {
            subject: `Tu inscripción en “${title}” está cancelada`,
            heading: 'Inscripción cancelada',
            line: `Hemos cancelado tu inscripción en “${title}” (${data.when}). Si cambias de idea, puedes volver a inscribirte en la página del evento mientras queden plazas.`,
          }
        : {
            subject: `Your registration for “${title}” is cancelled`,
            heading: 'Registration cancelled',
            line: `We have cancelled your registration for “${title}” (${data.when}). If you change your mind, you can register again on the event's page while places last.`,
          };
    return renderMessage(language, org, copy, [
      ...paragraphs([w.hello(data.name), copy.line]),
      { kind: 'button', label: w.see, url: data.eventUrl },
    ]);
  },
};

export const eventReminderTemplate: EmailTemplate<typeof registrationEmailData, 'cancelUrl'> = {
  name: 'event-reminder',
  kind: 'transactional',
  data: registrationEmailData,
  links: { cancelUrl: link('cancel') },
  render(data, language, org, links) {
    const title = oneLine(data.eventTitle);
    const w = words[language];
    const copy =
      language === 'es'
        ? {
            subject: `Recordatorio: “${title}” es pronto`,
            heading: 'Te esperamos',
            line: `Te recordamos que tienes plaza en “${title}”.`,
          }
        : {
            subject: `Reminder: “${title}” is coming up`,
            heading: 'See you soon',
            line: `A reminder that you have a place at “${title}”.`,
          };
    return renderMessage(language, org, copy, [
      ...paragraphs([w.hello(data.name), copy.line]),
      ...details(data, language),
      { kind: 'button', label: w.see, url: data.eventUrl },
      ...cancelBlocks(language, links.cancelUrl),
    ]);
  },
};
