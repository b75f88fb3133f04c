// An admin invites someone to the organisation's Ayni admin with a role; the link, minted when it is sent, expires.
import { requiredText, staffRoles, timeZoneSchema } from '@ayni/domain';
import type { Language, StaffRole } from '@ayni/domain';
import { z } from 'zod';
import { oneLine } from './escape.js';
import { isoDateTimeField } from './fields.js';
import { formatDateTime } from './format.js';
import { renderActionEmail } from './layout.js';
import type { EmailTemplate } from './types.js';

export const DEFAULT_TIME_ZONE = 'Europe/London';

export const staffInvitationData = z.object({
  invitationId: requiredText('Invitation id', 100),
  inviterName: requiredText('Inviter name', 200),
  role: requiredText('Role', 60),
  expiresAt: isoDateTimeField('Expiry date'),
  /** The zone the expiry is shown in. */
  timeZone: timeZoneSchema.optional().default(DEFAULT_TIME_ZONE),
});

/** What each role is called, and what it lets the person do, in each language. */
const roleCopy: Record<Language, Record<StaffRole, { label: string; does: string }>> = {
  en: {
    owner: { label: 'Owner', does: 'can do everything, including managing staff and settings' },
    admin: { label: 'Administrator', does: 'manages staff accounts and settings' },
    editor: { label: 'Editor', does: 'writes, schedules and publishes articles and pages' },
    campaigner: { label: 'Campaigner', does: 'runs campaigns, petitions and milestones' },
    membership: { label: 'Membership secretary', does: 'looks after members, renewals and exports' },
    viewer: { label: 'Viewer', does: 'can see the admin without changing anything' },
  },
  es: {
    owner: {
      label: 'Titular',
      does: 'puede hacer de todo, incluida la gestión del equipo y la configuración',
    },
    admin: { label: 'Administrador(a)', does: 'gestiona las cuentas del equipo y la configuración' },
    editor: { label: 'Editor(a)', does: 'redacta, programa y publica artículos y páginas' },
    campaigner: {
      label: 'Responsable de campañas',
      does: 'gestiona las campañas, las peticiones y sus metas',
    },
    membership: {
      label: 'Responsable de membresías',
      does: 'se ocupa de los miembros, las renovaciones y las exportaciones',
    },
    viewer: { label: 'Solo lectura', does: 'puede ver el panel de administración sin hacer cambios' },
  },
};

function isStaffRole(role: string): role is StaffRole {
  return (staffRoles as readonly string[]).includes(role);
}

/** "Editor — writes, schedules and publishes articles and pages"; an unknown role is shown as given. */
export function describeRole(role: string, language: Language): string {
  const key = role.trim().toLowerCase();
  if (!isStaffRole(key)) return role;
  const { label, does } = roleCopy[language][key];
  return `${label} — ${does}`;
}

export const staffInvitationTemplate: EmailTemplate<typeof staffInvitationData, 'acceptUrl'> = {
  name: 'staff-invitation',
  kind: 'transactional',
  data: staffInvitationData,
  links: {
    acceptUrl: {
      label: 'Accept URL',
      request: (data) => ({ kind: 'staff-invitation', invitationId: data.invitationId }),
    },
  },
  render(data, language, org, links) {
    const orgName = oneLine(org.name);
    const expires = formatDateTime(new Date(data.expiresAt), language, data.timeZone);
    const role = describeRole(data.role, language);
    const copy =
      language === 'es'
        ? {
            subject: `Te invitamos a unirte a ${orgName} en Ayni`,
            heading: `Únete a ${orgName} en Ayni`,
            before: [
              '¡Hola!',
              `${data.inviterName} te invitó a formar parte del equipo de ${orgName} en Ayni, la plataforma donde la organización gestiona su sitio web, sus campañas, sus miembros y sus eventos.`,
              `Tu rol será: ${role}.`,
            ],
            button: `Aceptar la invitación de ${orgName}`,
            after: [
              `Esta invitación vence el ${expires}. Si vence antes de que la aceptes, pide a ${data.inviterName} que te envíe una nueva.`,
              'Si no esperabas esta invitación, puedes ignorar este correo: no se creará ninguna cuenta.',
            ],
          }
        : {
            subject: `You're invited to join ${orgName} on Ayni`,
            heading: `Join ${orgName} on Ayni`,
            before: [
              'Hello,',
              `${data.inviterName} has invited you to join the team at ${orgName} on Ayni, where the organisation runs its website, campaigns, members and events.`,
              `Your role will be: ${role}.`,
            ],
            button: `Accept the invitation to ${orgName}`,
            after: [
              `This invitation expires on ${expires}. If it expires before you accept it, ask ${data.inviterName} to send you a new one.`,
              'If you were not expecting this invitation, you can ignore this email: no account will be created.',
            ],
          };
    return renderActionEmail(language, org, copy, links.acceptUrl);
  },
};
