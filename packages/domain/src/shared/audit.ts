// The audit log: an entry as stored (who did what, when, in a sentence), and its sections: what staff filter it by
// ("Articles", "Staff"), each naming the kinds of resource its entries are about. Every audited use case's
// `resourceType` belongs to one section.
import { z } from 'zod';

export const auditEntrySchema = z.object({
  id: z.string().min(1),
  at: z.date(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  /** The actor's name now (null for the worker, or an account no longer there). */
  actorName: z.string().nullable(),
  action: z.string().min(1),
  resourceType: z.string().min(1),
  resourceId: z.string().nullable(),
  /** What was done, in a sentence a person reads beside the actor's name. */
  summary: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditSections = {
  articles: ['article'],
  topics: ['topic'],
  campaigns: ['campaign'],
  'partner-feeds': ['partner-feed'],
  signatures: ['signature'],
  staff: ['staff', 'invitation'],
  settings: ['settings'],
  jobs: ['job'],
  messages: ['message'],
} as const satisfies Record<string, readonly string[]>;

export type AuditSection = keyof typeof auditSections;
export const auditSectionNames = Object.keys(auditSections) as AuditSection[];
export const auditSectionSchema = z.enum(auditSectionNames);

/** The section an entry about `resourceType` is listed under; null for a kind no section names yet. */
export function auditSectionOf(resourceType: string): AuditSection | null {
  return (
    auditSectionNames.find((section) =>
      (auditSections[section] as readonly string[]).includes(resourceType),
    ) ?? null
  );
}
