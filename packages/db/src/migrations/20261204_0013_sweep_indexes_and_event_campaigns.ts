// Frozen. Two things, added without rebuilding a table:
// - Indexes for the worker's campaign sweeps, so each batch finds its rows without reading the whole table: pending
//   signatures by when they were made (a partial index: confirmed ones, the bulk of the table, are not in it), and
//   confirmation links by when they expire.
// - events.campaign_id: the campaign an event belongs to (a campaign's page lists its upcoming events); set on the
//   event, null when it belongs to none, and back to null if the campaign is deleted.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('signatures_pending_created_idx')
    .on('signatures')
    .columns(['created_at', 'id'])
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema
    .createIndex('signature_tokens_expires_idx')
    .on('signature_tokens')
    .columns(['expires_at'])
    .execute();

  await db.schema
    .alterTable('events')
    .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('events_campaign_idx').on('events').columns(['campaign_id']).execute();
}
