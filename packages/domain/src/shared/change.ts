// What every write hands back to its unit of work: the result, the audit entry that says what a person (or the
// worker) did, and which parts of the public site the change touches, so the site's cache can drop only those.
// The unit of work itself (transaction + use case + audit + "what changed") is packages/db's `runUnitOfWork`.

/** The parts of the public site a change can touch. */
export const siteParts = ['news', 'pages', 'campaigns', 'events', 'partner-items', 'settings'] as const;
export type SitePart = (typeof siteParts)[number];

/** One line in the audit log; who did it and when are added by the unit of work. */
export interface AuditNote {
  action: string;
  resourceType: string;
  resourceId: string | null;
  summary: string;
}

export interface Change<T> {
  result: T;
  /** Null only for the worker's own bookkeeping that no person decided (a feed fetched on its timer). */
  audit: AuditNote | null;
  /** The parts of the public site that show something different once this commits; empty for a draft. */
  touches: SitePart[];
}

/** Builds a Change; `touches` may list a part twice or be empty. */
export function change<T>(result: T, audit: AuditNote | null, touches: readonly SitePart[] = []): Change<T> {
  return { result, audit, touches: [...new Set(touches)] };
}
