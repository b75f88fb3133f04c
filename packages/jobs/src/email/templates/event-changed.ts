// Staff cancelled or rescheduled an event: to everyone registered for it (pending, confirmed or waitlisted), in
// their language — what changed, when it was and (moved) when it is now, and a link to the event's page. No token:
// the email changes nothing; their registration stands (rescheduled) or needs nothing from them (cancelled).
import { requiredText } from '@ayni/domain';
import { z } from 'zod';
import { oneLine } from './escape.js';
import { httpUrlField } from './fields.js';
import { paragraphs, renderMessage } from './layout.js';
import type { EmailTemplate } from './types.js';

export const eventChangedData = z.object({
  registrationId: requiredText('Registration id', 100),
  name: requiredText('Name', 200),
  kind: z.enum(['cancelled', 'rescheduled']),
  eventTitle: requiredText('Event title', 300),
  eventUrl: httpUrlField('Event URL'),
  /** When it was to be, in the reader's language and the event's zone ("Wed 21 June, 6.00pm–8.00pm, London time"). */
  previousWhen: requiredText('Previous time', 200),
  /** When it is now (rescheduled); the same as previousWhen for a cancelled event. */
  when: requiredText('Time', 200),
});

export const eventChangedTemplate: EmailTemplate<typeof eventChangedData> = {
  name: 'event-changed',
  kind: 'transactional',
  data: eventChangedData,
  render(data, language, org) {
    const title = oneLine(data.eventTitle);
    const es = language === 'es';
    const copy =
      data.kind === 'cancelled'
        ? es
          ? {
              subject: `Cancelado: “${title}”`,
              heading: `“${title}” se ha cancelado`,
              body: [
                `Hola, ${data.name}:`,
                `Lo sentimos: “${title}”, previsto para el ${data.previousWhen}, se ha cancelado.`,
                'Te escribimos porque te habías inscrito. No tienes que hacer nada.',
              ],
              button: 'Ver la página del evento',
            }
          : {
              subject: `Cancelled: “${title}”`,
              heading: `“${title}” is cancelled`,
              body: [
                `Hello ${data.name},`,
                `We are sorry: “${title}”, planned for ${data.previousWhen}, has been cancelled.`,
                'We are writing because you registered for it. There is nothing you need to do.',
              ],
              button: 'See the event’s page',
            }
        : es
          ? {
              subject: `Nueva fecha para “${title}”`,
              heading: `“${title}” cambia de fecha`,
              body: [
                `Hola, ${data.name}:`,
                `“${title}” pasa del ${data.previousWhen} al ${data.when}.`,
                'Tu inscripción sigue en pie: no tienes que volver a inscribirte. Si ya no puedes venir, cancela tu inscripción con el enlace del correo que la confirmó, para que otra persona pueda ocupar tu lugar.',
              ],
              button: 'Ver la página del evento',
            }
          : {
              subject: `New date for “${title}”`,
              heading: `“${title}” has moved`,
              body: [
                `Hello ${data.name},`,
                `“${title}” has moved from ${data.previousWhen} to ${data.when}.`,
                'Your registration still stands: you do not need to register again. If you can no longer come, please cancel it with the link in the email that confirmed it, so that someone else can have your place.',
              ],
              button: 'See the event’s page',
            };
    return renderMessage(language, org, copy, [
      ...paragraphs(copy.body),
      { kind: 'button', label: copy.button, url: data.eventUrl },
    ]);
  },
};
