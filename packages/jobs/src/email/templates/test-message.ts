// A staff member checks, from the admin settings, that the organisation's email actually arrives.
import { requiredText } from '@ayni/domain';
import { z } from 'zod';
import { oneLine } from './escape.js';
import { paragraphs, renderMessage } from './layout.js';
import type { EmailTemplate } from './types.js';

export const testMessageData = z.object({
  requestedBy: requiredText('Requested by', 200),
});

export const testMessageTemplate: EmailTemplate<typeof testMessageData> = {
  name: 'test-message',
  kind: 'transactional',
  data: testMessageData,
  render(data, language, org) {
    const orgName = oneLine(org.name);
    const copy =
      language === 'es'
        ? {
            subject: `Mensaje de prueba de ${orgName}`,
            heading: 'El correo funciona',
            paragraphs: [
              `Este es un mensaje de prueba de ${orgName}, enviado desde Ayni.`,
              `Lo solicitó ${data.requestedBy} para comprobar que los correos de la organización se están entregando.`,
              'Si lo estás leyendo, el envío de correos funciona correctamente y no tienes que hacer nada más.',
            ],
          }
        : {
            subject: `Test message from ${orgName}`,
            heading: 'Email is working',
            paragraphs: [
              `This is a test message from ${orgName}, sent by Ayni.`,
              `${data.requestedBy} asked for it, to check that the organisation's email is being delivered.`,
              'If you are reading this, email is working and there is nothing else to do.',
            ],
          };
    return renderMessage(language, org, copy, paragraphs(copy.paragraphs));
  },
};
