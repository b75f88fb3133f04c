// The audit log's sections: what staff filter it by ("Articles", "Staff"), each naming the kinds of resource its
// entries are about. Every audited use case's `resourceType` belongs to one section.
export const auditSections = {
  articles: ['article'],
  topics: ['topic'],
  'partner-feeds': ['partner-feed'],
  staff: ['staff', 'invitation'],
  settings: ['settings'],
  jobs: ['job'],
  messages: ['message'],
} as const satisfies Record<string, readonly string[]>;

export type AuditSection = keyof typeof auditSections;
export const auditSectionNames = Object.keys(auditSections) as AuditSection[];

/** The section an entry about `resourceType` is listed under; null for a kind no section names yet. */
export function auditSectionOf(resourceType: string): AuditSection | null {
  return (
    auditSectionNames.find((section) =>
      (auditSections[section] as readonly string[]).includes(resourceType),
    ) ?? null
  );
}
