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
}

/** Transactional mail answers something the recipient did; bulk mail is sent to a list and must offer an unsubscribe. */
export type TemplateKind = 'transactional' | 'bulk';

export interface EmailTemplate<S extends z.ZodType> {
  name: string;
  kind: TemplateKind;
  /** Validates (and normalises) the data the template needs. */
  data: S;
  render(data: z.output<S>, language: Language, org: EmailOrganisation): RenderedEmail;
}
