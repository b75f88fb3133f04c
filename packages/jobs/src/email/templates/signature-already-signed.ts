// Sent when someone signs a petition they have already signed and confirmed: the site shows the same page either
// way (it never tells whether an address had signed), so the answer goes to the address on record.
import { requiredText } from '@ayni/domain';
import { z } from 'zod';
import { oneLine } from './escape.js';
import { httpUrlField } from './fields.js';
import { renderActionEmail } from './layout.js';
import type { EmailTemplate } from './types.js';

export const signatureAlreadySignedData = z.object({
  name: requiredText('Name', 200),
  campaignTitle: requiredText('Campaign title', 300),
  campaignUrl: httpUrlField('Campaign URL'),
});

export const signatureAlreadySignedTemplate: EmailTemplate<typeof signatureAlreadySignedData> = {
  name: 'signature-already-signed',
  kind: 'transactional',
  data: signatureAlreadySignedData,
  render(data, language, org) {
    const title = oneLine(data.campaignTitle);
    const copy =
      language === 'es'
        ? {
            subject: `Ya firmaste la petición “${title}”`,
            heading: 'Ya habías firmado',
            before: [
              `Hola, ${data.name}:`,
              `Alguien (seguramente tú) ha vuelto a firmar la petición “${title}” con esta dirección. Ya la habías firmado y confirmado: tu firma cuenta una vez, y no hace falta hacer nada más.`,
              'Puedes ayudar de otra manera: comparte la campaña con quien quieras.',
            ],
            button: `Ver la campaña “${title}”`,
            after: ['Si no fuiste tú, puedes ignorar este correo.'],
          }
        : {
            subject: `You have already signed the petition “${title}”`,
            heading: 'You had already signed',
            before: [
              `Hello ${data.name},`,
              `Someone (most likely you) signed the petition “${title}” again with this address. You had already signed and confirmed it: your signature counts once, and there is nothing more to do.`,
              'You can help in another way: share the campaign with people you know.',
            ],
            button: `See the campaign “${title}”`,
            after: ['If this was not you, you can ignore this email.'],
          };
    return renderActionEmail(language, org, copy, data.campaignUrl);
  },
};
