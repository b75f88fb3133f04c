// Double opt-in for petitions: the signature counts only once the signer confirms from this email.
import { requiredText } from '@ayni/domain';
import { z } from 'zod';
import { oneLine } from './escape.js';
import { renderActionEmail } from './layout.js';
import type { EmailTemplate } from './types.js';

export const signatureConfirmationData = z.object({
  signatureId: requiredText('Signature id', 100),
  name: requiredText('Name', 200),
  campaignTitle: requiredText('Campaign title', 300),
});

export const signatureConfirmationTemplate: EmailTemplate<typeof signatureConfirmationData, 'confirmUrl'> = {
  name: 'signature-confirmation',
  kind: 'transactional',
  data: signatureConfirmationData,
  links: {
    confirmUrl: {
      label: 'Confirm URL',
      request: (data) => ({ kind: 'signature-confirmation', signatureId: data.signatureId }),
    },
  },
  render(data, language, org, links) {
    const orgName = oneLine(org.name);
    const title = oneLine(data.campaignTitle);
    const copy =
      language === 'es'
        ? {
            subject: `Confirma tu firma en la petición “${title}”`,
            heading: 'Confirma tu firma',
            before: [
              `Hola, ${data.name}:`,
              `Gracias por firmar la petición “${title}” de ${orgName}.`,
              'Por favor, confirma que fuiste tú. Tu firma solo se contará cuando la hayas confirmado.',
            ],
            button: `Confirmar mi firma en “${title}”`,
            after: [
              'Si no firmaste esta petición, puedes ignorar este correo: tu firma no se contará y no volveremos a escribirte por ella.',
            ],
          }
        : {
            subject: `Confirm your signature on the petition “${title}”`,
            heading: 'Confirm your signature',
            before: [
              `Hello ${data.name},`,
              `Thank you for signing the petition “${title}” from ${orgName}.`,
              'Please confirm that it was you. Your signature will only count once you have confirmed it.',
            ],
            button: `Confirm my signature on “${title}”`,
            after: [
              'If you did not sign this petition, you can ignore this email: the signature will not count and we will not write to you about it again.',
            ],
          };
    return renderActionEmail(language, org, copy, links.confirmUrl);
  },
};
