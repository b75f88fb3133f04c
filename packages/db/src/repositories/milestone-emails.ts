// A milestone's reaching and its emails: the conditional mark (reached once, however many confirmations at once),
// the signers to email in batches (keyset), the record of who was emailed about which milestone (a primary key on
// both: each person once, even if the fan-out runs twice), and the unsubscribe links' token hashes and the
// withdrawal of a signer's updates consent.
import type { CampaignUpdatesConsents, MilestoneRepository } from '@ayni/domain';
import { PostgresAdapter, type Kysely } from 'kysely';
import { iso, toDateOrNull, toFlag } from '../mappers.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** Marks the milestone reached at `at` unless it is already (`… where reached = false`); whether it did. */
export async function markMilestoneReachedIfNot(db: Db, milestoneId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('campaign_milestones')
    .set({ reached: toFlag(true), reached_at: iso(at) })
    .where('id', '=', milestoneId)
    .where('reached', '=', toFlag(false))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Locks the campaign's unreached milestones that have a threshold until the transaction ends, so a second
 * confirmation waits, then reads a count that includes the first (READ COMMITTED gives each statement a fresh
 * snapshot). On PostgreSQL `select … order by id for update`: rows are locked in id order, the order a campaign's
 * save locks them in too (lockMilestonesInOrder), so the two cannot deadlock. SQLite has no FOR UPDATE: an update
 * that changes nothing takes its one write lock.
 */
export async function holdMilestoneThresholds(db: Db, campaignId: string): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await db
      .selectFrom('campaign_milestones')
      .select('id')
      .where('campaign_id', '=', campaignId)
      .where('reached', '=', toFlag(false))
      .where('signature_threshold', 'is not', null)
      .orderBy('id')
      .forUpdate()
      .execute();
    return;
  }
  await db
    .updateTable('campaign_milestones')
    .set((eb) => ({ signature_threshold: eb.ref('signature_threshold') }))
    .where('campaign_id', '=', campaignId)
    .where('reached', '=', toFlag(false))
    .where('signature_threshold', 'is not', null)
    .execute();
}

/**
 * On PostgreSQL, locks every milestone of the campaign in id order before a save rewrites them (SQLite's one writer
 * needs nothing): the order holdMilestoneThresholds takes its subset in, so a save and a confirmation at once wait
 * for each other instead of deadlocking.
 */
export async function lockMilestonesInOrder(db: Db, campaignId: string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db
    .selectFrom('campaign_milestones')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** The milestone's campaign, if the milestone still exists and is reached (what its fan-out checks first). */
export async function findReachedMilestone(
  db: Db,
  milestoneId: string,
): Promise<{ id: string; campaignId: string } | null> {
  const row = await db
    .selectFrom('campaign_milestones')
    .select(['id', 'campaign_id'])
    .where('id', '=', milestoneId)
    .where('reached', '=', toFlag(true))
    .executeTakeFirst();
  return row ? { id: row.id, campaignId: row.campaign_id } : null;
}

export interface MilestoneRecipient {
  signatureId: string;
  name: string;
  email: string;
  language: 'en' | 'es';
}

/**
 * The next `limit` signers of the campaign after `afterId` (by id) who may be told of a milestone: confirmed (not
 * pending, held or rejected), the updates consent given and not withdrawn.
 */
export async function listMilestoneRecipients(
  db: Db,
  campaignId: string,
  afterId: string | null,
  limit: number,
): Promise<MilestoneRecipient[]> {
  let q = db
    .selectFrom('signatures')
    .select(['id', 'name', 'email', 'language'])
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'confirmed')
    .where('updates_consent_statement', 'is not', null)
    .where('updates_withdrawn_at', 'is', null);
  if (afterId !== null) q = q.where('id', '>', afterId);
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    signatureId: r.id,
    name: r.name,
    email: r.email,
    language: r.language === 'es' ? 'es' : 'en',
  }));
}

/**
 * Records that the signer is emailed about the milestone, unless they were already (insert … on conflict do
 * nothing); whether it did. Queue the email in the same transaction, and only when this says true.
 */
export async function recordMilestoneEmail(
  db: Db,
  milestoneId: string,
  signatureId: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .insertInto('milestone_emails')
    .values({ milestone_id: milestoneId, signature_id: signatureId, created_at: iso(at) })
    .onConflict((oc) => oc.columns(['milestone_id', 'signature_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** How many people have been emailed about the milestone. */
export async function countMilestoneEmails(db: Db, milestoneId: string): Promise<number> {
  const row = await db
    .selectFrom('milestone_emails')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('milestone_id', '=', milestoneId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Keeps the hash of the token an emailed unsubscribe link carries. */
export async function insertUnsubscribeToken(
  db: Db,
  token: { signatureId: string; tokenHash: string; createdAt: Date },
): Promise<void> {
  await db
    .insertInto('signature_unsubscribe_tokens')
    .values({
      token_hash: token.tokenHash,
      signature_id: token.signatureId,
      created_at: iso(token.createdAt),
    })
    .execute();
}

/** The signature an unsubscribe link's token (by its hash) was made for, and whether its news are stopped. */
export async function findSignatureByUnsubscribeTokenHash(
  db: Db,
  tokenHash: string,
): Promise<{ signatureId: string; campaignId: string; withdrawnAt: Date | null } | null> {
  const row = await db
    .selectFrom('signature_unsubscribe_tokens as t')
    .innerJoin('signatures as s', 's.id', 't.signature_id')
    .select(['s.id', 's.campaign_id', 's.updates_withdrawn_at'])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row
    ? {
        signatureId: row.id,
        campaignId: row.campaign_id,
        withdrawnAt: toDateOrNull(row.updates_withdrawn_at),
      }
    : null;
}

/** Records when the signer stopped news of the campaign, unless they had; whether it did. */
export async function withdrawUpdatesConsent(db: Db, signatureId: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('signatures')
    .set({ updates_withdrawn_at: iso(at) })
    .where('id', '=', signatureId)
    .where('updates_withdrawn_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Whether the signer still wants news of the campaign: the updates consent given and not withdrawn. */
export async function wantsCampaignUpdates(db: Db, signatureId: string): Promise<boolean> {
  const row = await db
    .selectFrom('signatures')
    .select('id')
    .where('id', '=', signatureId)
    .where('status', '=', 'confirmed')
    .where('updates_consent_statement', 'is not', null)
    .where('updates_withdrawn_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The domain's milestone and updates-consent ports on `db` (a transaction, in a unit of work). */
export function milestoneRepositories(db: Db): {
  milestones: MilestoneRepository;
  consents: CampaignUpdatesConsents;
} {
  return {
    milestones: {
      markReached: (id, at) => markMilestoneReachedIfNot(db, id, at),
      holdThresholds: (campaignId) => holdMilestoneThresholds(db, campaignId),
    },
    consents: {
      findByUnsubscribeTokenHash: (hash) => findSignatureByUnsubscribeTokenHash(db, hash),
      withdraw: (id, at) => withdrawUpdatesConsent(db, id, at),
    },
  };
}
