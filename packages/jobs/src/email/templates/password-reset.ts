// A staff member asked to reset their password: a single-use link, valid for one hour, minted when it is sent.
import { requiredText } from '@ayni/domain';
import { z } from 'zod';
import { oneLine } from './escape.js';
import { renderActionEmail } from './layout.js';
import type { EmailTemplate } from './types.js';

export const passwordResetData = z.object({
  userId: requiredText('User id', 100),
  name: requiredText('Name', 200),
});

export const passwordResetTemplate: EmailTemplate<typeof passwordResetData, 'resetUrl'> = {
  name: 'password-reset',
  kind: 'transactional',
  data: passwordResetData,
  links: {
    resetUrl: { label: 'Reset URL', request: (data) => ({ kind: 'password-reset', userId: data.userId }) },
  },
  render(data, language, org, links) {
    const orgName = oneLine(org.name);
    const copy =
      language === 'es'
        ? {
            subject: `Restablece tu contraseña de ${orgName} en Ayni`,
            heading: 'Restablece tu contraseña',
            before: [
              `Hola, ${data.name}:`,
              `Recibimos una solicitud para restablecer la contraseña de tu cuenta de ${orgName} en Ayni. Para elegir una nueva, usa este enlace:`,
            ],
            button: 'Elegir una nueva contraseña',
            after: [
              'El enlace es válido durante 1 hora y solo se puede usar una vez.',
              'Si no solicitaste este cambio, puedes ignorar este correo: tu contraseña seguirá siendo la misma.',
            ],
          }
        : {
            subject: `Reset your password for ${orgName} on Ayni`,
            heading: 'Reset your password',
            before: [
              `Hello ${data.name},`,
              `We received a request to reset the password for your ${orgName} account on Ayni. To choose a new one, use this link:`,
            ],
            button: 'Choose a new password',
            after: [
              'The link is valid for 1 hour and can be used only once.',
              'If you did not ask to reset your password, you can ignore this email: your password will not change.',
            ],
          };
    return renderActionEmail(language, org, copy, links.resetUrl);
  },
};
