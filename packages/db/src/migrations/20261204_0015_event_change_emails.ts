// Frozen. What the emails staff's cancel or reschedule of an event sends need (issue 14), added without rebuilding
// a table:
// - event_change_emails: who has been emailed about which change of an event, one row per (registration, the
//   event's calendar sequence after that change), written in the transaction that queues that person's email, so a
//   fan-out run twice (or resumed after a crash) emails each person once — as milestone_emails does for
//   milestones. Rows go with their registration (ON DELETE CASCADE).
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const instant = isPostgres(db) ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('event_change_emails')
    .addColumn('registration_id', 'text', (c) =>
      c.notNull().references('event_registrations.id').onDelete('cascade'),
    )
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('event_change_emails_pk', ['registration_id', 'sequence'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('20261204_0015 cannot be undone: restore a backup instead');
}
