// The audit log: append-only. Nothing in the product updates or deletes an entry.
import { randomBytes } from 'node:crypto';
import type { AuditEntry } from '@ayni/domain';
import type { Kysely } from 'kysely';
import { iso, toDate } from '../mappers.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export type { AuditEntry };

let sequence = 0;

/**
 * Ids sort in the order entries were written (wall-clock milliseconds, then a per-process sequence), so entries
 * with the same `at` still list newest first.
 */
export function auditId(): string {
  sequence = (sequence + 1) % 1_000_000;
  return `${String(Date.now()).padStart(14, '0')}-${String(sequence).padStart(6, '0')}-${randomBytes(4).toString('hex')}`;
}

export async function appendAudit(
  db: Db,
  e: Omit<AuditEntry, 'id' | 'actorName'> & { id?: string },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: e.id ?? auditId(),
      at: iso(e.at),
      actor_id: e.actorId,
      actor_email: e.actorEmail,
      action: e.action,
      resource_type: e.resourceType,
      resource_id: e.resourceId,
      summary: e.summary,
    })
    .execute();
}

export interface AuditFilter {
  actorId?: string | undefined;
  /** Entries about any of these kinds of resource (a section of the log: staff and invitations). */
  resourceTypes?: readonly string[] | undefined;
  action?: string | undefined;
  limit: number;
  before?: { at: Date; id: string } | undefined;
}

/** Newest first, keyset-paginated. */
export async function listAudit(db: Db, f: AuditFilter): Promise<AuditEntry[]> {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('user', 'user.id', 'audit_log.actor_id')
    .selectAll('audit_log')
    .select('user.name as actor_name');
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.resourceTypes?.length) q = q.where('resource_type', 'in', f.resourceTypes);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.before) {
    const { at, id } = f.before;
    q = q.where((eb) => eb.or([eb('at', '<', iso(at)), eb.and([eb('at', '=', iso(at)), eb('id', '<', id)])]));
  }
  const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    at: toDate(r.at),
    actorId: r.actor_id,
    actorEmail: r.actor_email,
    actorName: r.actor_name ?? null,
    action: r.action,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    summary: r.summary,
  }));
}
