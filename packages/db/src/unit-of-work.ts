// The unit of work every write goes through, from the admin's API, a site action or the worker alike: one
// transaction that runs the use case, appends its audit entry and records which parts of the public site changed.
// If any step throws, nothing of it is kept.
import type { Change, Clock, SitePart } from '@ayni/domain';
import type { Kysely } from 'kysely';
import { appendAudit } from './repositories/audit.js';
import { markSiteChanged } from './repositories/settings.js';
import type { Database } from './schema.js';
import { withTransaction } from './transaction.js';

/** Who is acting: a member of staff, or nobody (the worker, a visitor on the public site). */
export interface Actor {
  userId: string | null;
  email: string | null;
}

export const nobody: Actor = { userId: null, email: null };

export interface UnitOfWorkContext {
  clock: Clock;
  actor: Actor;
}

export interface Committed<T> {
  result: T;
  /** The parts of the public site this write changed (recorded with it, for the site's cache). */
  changed: SitePart[];
}

/**
 * Runs `work` (a use case on the transaction's ports) in one transaction — joining the caller's when `db` is one —
 * then writes its audit entry and marks the parts of the site it touched, all in that same transaction.
 */
export async function runUnitOfWork<T>(
  db: Kysely<Database>,
  context: UnitOfWorkContext,
  work: (trx: Kysely<Database>) => Promise<Change<T>>,
): Promise<Committed<T>> {
  return withTransaction(db, async (trx) => {
    const { result, audit, touches } = await work(trx);
    if (audit) {
      await appendAudit(trx, {
        at: context.clock.now(),
        actorId: context.actor.userId,
        actorEmail: context.actor.email,
        ...audit,
      });
    }
    if (touches.length > 0) await markSiteChanged(trx, touches);
    return { result, changed: touches };
  });
}
