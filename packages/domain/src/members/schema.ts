// Members join under a membership type and move through pending → active → grace → lapsed (or cancelled).
import { z } from 'zod';
import { consentRecordSchema } from '../shared/consent.js';
import { emailSchema } from '../shared/email.js';
import { languageSchema } from '../shared/language.js';
import { currencySchema } from '../shared/money.js';
import { slugSchema } from '../shared/slug.js';
import { idSchema, requiredText } from '../shared/text.js';

export const memberStatuses = ['pending', 'active', 'grace', 'lapsed', 'cancelled'] as const;
export const memberStatusSchema = z.enum(memberStatuses);
export type MemberStatus = z.infer<typeof memberStatusSchema>;

export const memberSources = ['form', 'import', 'sync', 'admin'] as const;
export const memberSourceSchema = z.enum(memberSources);
export type MemberSource = z.infer<typeof memberSourceSchema>;

export const membershipTypeSchema = z.object({
  id: z.string().min(1),
  slug: slugSchema,
  name: requiredText('Name', 100),
  /** Minor units (pence, céntimos). */
  annualFee: z
    .number({ error: 'Annual fee must be a number' })
    .int({ error: 'Annual fee must be a whole number of pence or céntimos' })
    .min(0, { error: 'Annual fee cannot be negative' }),
  currency: currencySchema,
  active: z.boolean(),
});
export type MembershipType = z.infer<typeof membershipTypeSchema>;

export const memberSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** As typed; used for sending. */
  email: z.string(),
  canonicalEmail: z.string(),
  language: languageSchema,
  membershipTypeId: z.string().min(1),
  status: memberStatusSchema,
  joinedAt: z.date().nullable(),
  renewsAt: z.date().nullable(),
  cancelledAt: z.date().nullable(),
  source: memberSourceSchema,
  consent: consentRecordSchema.nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Member = z.infer<typeof memberSchema>;

/** What someone submits to join (or staff enter for them). */
export const memberInputSchema = z.object({
  name: requiredText('Name', 120),
  email: emailSchema,
  language: languageSchema.default('en'),
  membershipTypeId: idSchema('Membership type'),
});
export type MemberInput = z.input<typeof memberInputSchema>;
export type MemberInputParsed = z.output<typeof memberInputSchema>;
