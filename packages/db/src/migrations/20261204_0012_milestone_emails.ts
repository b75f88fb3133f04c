// Frozen. What a milestone's emails need (issue 13), added without rebuilding a table:
// - signatures.updates_withdrawn_at: when the signer stopped news of the campaign (the emailed unsubscribe link);
//   the updates consent they gave stays recorded beside it, and the signature itself stays.
// - milestone_emails: who has been emailed about which milestone, one row per (milestone, signature), written in
//   the transaction that queues that person's email, so a fan-out run twice (or resumed after a crash) emails each
//   person once. Both go with their milestone or signature (ON DELETE CASCADE).
// - signature_unsubscribe_tokens: the hashes of the tokens in unsubscribe links (minted when an email is sent; the
//   token itself is never stored).
// - signatures_campaign_id_idx: the fan-out reads a campaign's signers in batches by id (keyset).
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const instant = isPostgres(db) ? sql`timestamptz` : sql`text`;

  await db.schema.alterTable('signatures').addColumn('updates_withdrawn_at', instant).execute();
  await db.schema
    .createIndex('signatures_campaign_id_idx')
    .on('signatures')
    .columns(['campaign_id', 'id'])
    .execute();

  await db.schema
    .createTable('milestone_emails')
    .addColumn('milestone_id', 'text', (c) =>
      c.notNull().references('campaign_milestones.id').onDelete('cascade'),
    )
    .addColumn('signature_id', 'text', (c) => c.notNull().references('signatures.id').onDelete('cascade'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('milestone_emails_pk', ['milestone_id', 'signature_id'])
    .execute();
  await db.schema
    .createIndex('milestone_emails_signature_idx')
    .on('milestone_emails')
    .columns(['signature_id'])
    .execute();

  await db.schema
    .createTable('signature_unsubscribe_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('signature_id', 'text', (c) => c.notNull().references('signatures.id').onDelete('cascade'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('signature_unsubscribe_tokens_signature_idx')
    .on('signature_unsubscribe_tokens')
    .columns(['signature_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('20261204_0012 cannot be undone: restore a backup instead');
}
