// Ayni's email templates: each one validates its data with zod and renders a subject, a plain-text part and an
// accessible HTML part, in English or Spanish, with the organisation's footer (and an unsubscribe link for bulk mail).
// Links that carry a token are declared by the template and minted at send time (linkRequests, then renderEmail).
import { languageSchema } from '@ayni/domain';
import type { Language } from '@ayni/domain';
import { z } from 'zod';
import { campaignMilestoneTemplate } from './campaign-milestone.js';
import { eventChangedTemplate } from './event-changed.js';
import {
  eventOffTheWaitlistTemplate,
  eventRegisteredTemplate,
  eventRegistrationCancelledTemplate,
  eventRegistrationConfirmTemplate,
  eventReminderTemplate,
} from './event-registration.js';
import { httpUrlField } from './fields.js';
import { passwordResetTemplate } from './password-reset.js';
import { signatureAlreadySignedTemplate } from './signature-already-signed.js';
import { signatureConfirmationTemplate } from './signature-confirmation.js';
import { staffInvitationTemplate } from './staff-invitation.js';
import { testMessageTemplate } from './test-message.js';
import type { EmailOrganisation, EmailTemplate, LinkRequest, RenderedEmail } from './types.js';
import { weeklyDigestTemplate } from './weekly-digest.js';

export { escapeHtml } from '@ayni/domain';
export type {
  EmailAttachment,
  EmailOrganisation,
  EmailTemplate,
  LinkRequest,
  RenderedEmail,
  TemplateKind,
  TemplateLink,
} from './types.js';

export const emailTemplates = {
  'test-message': testMessageTemplate,
  'staff-invitation': staffInvitationTemplate,
  'password-reset': passwordResetTemplate,
  'signature-confirmation': signatureConfirmationTemplate,
  'signature-already-signed': signatureAlreadySignedTemplate,
  'campaign-milestone': campaignMilestoneTemplate,
  'event-changed': eventChangedTemplate,
  'weekly-digest': weeklyDigestTemplate,
  'event-registration-confirm': eventRegistrationConfirmTemplate,
  'event-registered': eventRegisteredTemplate,
  'event-off-the-waitlist': eventOffTheWaitlistTemplate,
  'event-registration-cancelled': eventRegistrationCancelledTemplate,
  'event-reminder': eventReminderTemplate,
};

export type EmailTemplateName = keyof typeof emailTemplates;

export const emailTemplateNames = Object.keys(emailTemplates) as EmailTemplateName[];

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.prototype.hasOwnProperty.call(emailTemplates, name);
}

/** The data each template expects, before validation (what a job payload carries). */
export type EmailTemplateInput<N extends EmailTemplateName> = z.input<(typeof emailTemplates)[N]['data']>;

function templateNamed(name: EmailTemplateName): EmailTemplate<z.ZodType, string> {
  if (!isEmailTemplateName(name)) throw new Error(`Unknown email template: ${String(name)}`);
  return emailTemplates[name];
}

/** The links to mint for this message before rendering it (none for most templates), by name. */
export function linkRequests(name: EmailTemplateName, data: unknown): Record<string, LinkRequest> {
  const template = templateNamed(name);
  const parsed: unknown = template.data.parse(data);
  return Object.fromEntries(
    Object.entries(template.links ?? {}).map(([link, { request }]) => [link, request(parsed)]),
  );
}

/**
 * Validates `data` with the template's zod schema and the minted `links` as web addresses (throws ZodError naming
 * the field), then renders.
 */
export function renderEmail(
  name: EmailTemplateName,
  language: Language,
  data: unknown,
  org: EmailOrganisation,
  links: Record<string, string> = {},
): RenderedEmail {
  const template = templateNamed(name);
  const lang = languageSchema.parse(language);
  const parsed: unknown = template.data.parse(data);
  const linkSchema = z.object(
    Object.fromEntries(
      Object.entries(template.links ?? {}).map(([link, { label }]) => [link, httpUrlField(label)]),
    ),
  );
  return template.render(parsed, lang, org, linkSchema.parse(links));
}
