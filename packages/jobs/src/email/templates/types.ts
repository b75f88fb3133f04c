// The shapes shared by every email template: who sends it, what a rendered email is, and what a template is.
import type { Language } from '@ayni/domain';
import type { z } from 'zod';

/** The sending organisation, as shown in every email's footer (UK law wants the postal address on bulk mail). */
export interface EmailOrganisation {
  name: string;
  /** One or more lines ("\n" between them); shown as written. */
  postalAddress: string;
  siteUrl: string;
  contactEmail: string;
}

export interface RenderedEmail {
  subject: string;
  /** The plain-text part: written as text, wrapped at 72 columns, links printed in full. */
  text: string;
  /** The HTML part: a complete <!doctype html> document with lang="en"|"es". */
  html: string;
  /** Only for bulk (non-transactional) mail: where the recipient manages/unsubscribes. */
  unsubscribeUrl: string | null;
  /** Files sent with the email (an event's .ics), made from the data when it is rendered. */
  attachments?: EmailAttachment[];
}

export interface EmailAttachment {
  filename: string;
  /** With its charset and, for a calendar, its method ("text/calendar; charset=utf-8; method=PUBLISH"). */
  contentType: string;
  content: string;
}

/** Transactional mail answers something the recipient did; bulk mail is sent to a list and must offer an unsubscribe. */
export type TemplateKind = 'transactional' | 'bulk';

/**
 * A link that carries a token or a signature. Its only stored form is what it is for (an id, a list name); the URL
 * is minted when the email is rendered for sending, so message records, job payloads and logs never hold a live
 * token, and each send (a retry, a resend) mints a fresh one. See docs/decisions/0009.
 */
export type LinkRequest =
  | { kind: 'password-reset'; userId: string }
  | { kind: 'staff-invitation'; invitationId: string }
  | { kind: 'signature-confirmation'; signatureId: string }
  | { kind: 'unsubscribe'; list: string }
  /** Stops one signer's news of one campaign (their updates consent): /unsubscribe/:token. */
  | { kind: 'campaign-updates-unsubscribe'; signatureId: string }
  /** A registration's confirm or cancel page: /events/confirm/:token, /events/cancel/:token. */
  | { kind: 'event-registration'; registrationId: string; purpose: 'confirm' | 'cancel' };

export interface TemplateLink<D> {
  /** For errors: "Reset URL must be a web address…". */
  label: string;
  request(data: D): LinkRequest;
}

export interface EmailTemplate<S extends z.ZodType, L extends string = never> {
  name: string;
  kind: TemplateKind;
  /** Validates (and normalises) the data the template needs: what the message record keeps, never a token. */
  data: S;
  /** The links minted at send time, by the name render() receives them under. */
  links?: Record<L, TemplateLink<z.output<S>>>;
  render(
    data: z.output<S>,
    language: Language,
    org: EmailOrganisation,
    links: Record<L, string>,
  ): RenderedEmail;
}
