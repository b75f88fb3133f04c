// The worker's campaign sweeps on the database: campaigns whose petition deadline has passed, closing one only
// while it is still active, and deleting old signing data a bounded batch at a time — one short statement each, so
// a large table is never read at once and SQLite's write lock is held only for one batch.
import type { Campaign, CampaignDeadlines, SigningDataRetention } from '@ayni/domain';
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { iso, isoOrNull } from '../mappers.js';
import type { Database } from '../schema.js';
import { findCampaignById } from './campaigns.js';

type Db = Kysely<Database>;

/** The ids of active campaigns whose petition deadline is before `now`, earliest deadline first. */
export async function listCampaignsPastDeadline(db: Db, now: Date, limit = 100): Promise<string[]> {
  const rows = await db
    .selectFrom('campaigns')
    .select('id')
    .where('status', '=', 'active')
    .where('petition_deadline', 'is not', null)
    .where('petition_deadline', '<', iso(now))
    .orderBy('petition_deadline')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Writes the closed campaign's status, when and why, if it is still active; whether it did. */
export async function closeCampaignIfActive(
  db: Db,
  closed: Pick<Campaign, 'id' | 'status' | 'closedAt' | 'closedReason' | 'updatedAt'>,
): Promise<boolean> {
  const result = await db
    .updateTable('campaigns')
    .set({
      status: closed.status,
      closed_at: isoOrNull(closed.closedAt),
      closed_reason: closed.closedReason,
      updated_at: iso(closed.updatedAt),
    })
    .where('id', '=', closed.id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Deletes up to `limit` pending signatures created before `cutoff` and sent no confirmation link since (a person who
 * signed again on day 29 keeps the new link's 30 days); their signature_tokens go by ON DELETE CASCADE. The outer
 * statement checks the status again: on PostgreSQL a signature confirmed while the delete waited for its row is
 * re-checked against it and kept.
 */
export async function deletePendingSignaturesBefore(db: Db, cutoff: Date, limit: number): Promise<number> {
  const batch = db
    .selectFrom('signatures')
    .select('id')
    .where('status', '=', 'pending')
    .where('created_at', '<', iso(cutoff))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('signature_tokens as link')
            .select('link.signature_id')
            .whereRef('link.signature_id', '=', 'signatures.id')
            .where('link.created_at', '>=', iso(cutoff)),
        ),
      ),
    )
    .orderBy('created_at')
    .limit(limit);
  const result = await db
    .deleteFrom('signatures')
    .where('id', 'in', batch)
    .where('status', '=', 'pending')
    .where('created_at', '<', iso(cutoff))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Deletes up to `limit` signing attempts recorded before `cutoff`. The table has no key of its own, so the batch is
 * picked by the row's physical address: SQLite's rowid, PostgreSQL's ctid (an array of ctids is a TID scan).
 */
export async function deleteSigningAttemptsBefore(db: Db, cutoff: Date, limit: number): Promise<number> {
  const before = iso(cutoff);
  const result =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? await sql`delete from signing_attempts where ctid = any(array(
          select ctid from signing_attempts where at < ${before} limit ${limit}))`.execute(db)
      : await sql`delete from signing_attempts where rowid in (
          select rowid from signing_attempts where at < ${before} limit ${limit})`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/** Deletes up to `limit` confirmation-link token hashes whose expiry is before `now`. */
export async function deleteSignatureTokensExpiredBefore(db: Db, now: Date, limit: number): Promise<number> {
  const batch = db
    .selectFrom('signature_tokens')
    .select('token_hash')
    .where('expires_at', '<', iso(now))
    .limit(limit);
  const result = await db.deleteFrom('signature_tokens').where('token_hash', 'in', batch).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The domain's ports for the campaign sweeps on `db` (a transaction, in a unit of work). */
export function campaignRetentionRepositories(db: Db): {
  campaigns: CampaignDeadlines;
  retention: SigningDataRetention;
} {
  return {
    campaigns: {
      findById: (id) => findCampaignById(db, id),
      closeIfActive: (closed) => closeCampaignIfActive(db, closed),
    },
    retention: {
      deletePendingSignaturesBefore: (cutoff, limit) => deletePendingSignaturesBefore(db, cutoff, limit),
      deleteSigningAttemptsBefore: (cutoff, limit) => deleteSigningAttemptsBefore(db, cutoff, limit),
      deleteSignatureTokensExpiredBefore: (now, limit) => deleteSignatureTokensExpiredBefore(db, now, limit),
    },
  };
}
