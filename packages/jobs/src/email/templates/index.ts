// Ayni's email templates: each one validates its data with zod and renders a subject, a plain-text part and an
// accessible HTML part, in English or Spanish, with the organisation's footer (and an unsubscribe link for bulk mail).
import { languageSchema } from '@ayni/domain';
import type { Language } from '@ayni/domain';
import type { z } from 'zod';
import { passwordResetTemplate } from './password-reset.js';
import { signatureConfirmationTemplate } from './signature-confirmation.js';
import { staffInvitationTemplate } from './staff-invitation.js';
import { testMessageTemplate } from './test-message.js';
import type { EmailOrganisation, EmailTemplate, RenderedEmail } from './types.js';
import { weeklyDigestTemplate } from './weekly-digest.js';

export { escapeHtml } from './escape.js';
export type { EmailOrganisation, EmailTemplate, RenderedEmail, TemplateKind } from './types.js';

export const emailTemplates = {
  'test-message': testMessageTemplate,
  'staff-invitation': staffInvitationTemplate,
  'password-reset': passwordResetTemplate,
  'signature-confirmation': signatureConfirmationTemplate,
  'weekly-digest': weeklyDigestTemplate,
};

export type EmailTemplateName = keyof typeof emailTemplates;

export const emailTemplateNames = Object.keys(emailTemplates) as EmailTemplateName[];

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.prototype.hasOwnProperty.call(emailTemplates, name);
}

/** The data each template expects, before validation (what a job payload carries). */
export type EmailTemplateInput<N extends EmailTemplateName> = z.input<(typeof emailTemplates)[N]['data']>;

/** Validates `data` with the template's zod schema (throws ZodError naming the field), then renders. */
export function renderEmail(
  name: EmailTemplateName,
  language: Language,
  data: unknown,
  org: EmailOrganisation,
): RenderedEmail {
  if (!isEmailTemplateName(name)) throw new Error(`Unknown email template: ${String(name)}`);
  const template: EmailTemplate<z.ZodType> = emailTemplates[name];
  const lang = languageSchema.parse(language);
  return template.render(template.data.parse(data), lang, org);
}
