// Frozen. What registering for an event needs (issue 14), added without rebuilding a table:
// - events: the accessibility facts (a JSON array of fact keys, beside the free text already there), how people
//   register (here / elsewhere with a link / none), when registration opens and closes, the calendar SEQUENCE
//   (rising with each change readers see) and the start before a reschedule (schema.org's previousStartDate).
// - event_registrations: the language of the page registered on (its emails' language), the registration's
//   consent with its statement version, the optional access needs (health data) with their own consent, when the
//   email was confirmed, until when a pending registration holds its place (48 hours, then the place goes to the
//   next person), when a waitlisted person was given a place, when the reminder went, how many emails it has had,
//   why it was cancelled, and when it was checked in.
// - event_registration_tokens: the hashes of the tokens in emailed links (confirm, cancel); the token itself is
//   never stored. They go with their registration.
// - Indexes for the sweeps and the waitlist: live registrations by event and status in arrival order, pending
//   holds by expiry, tokens by expiry.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const instant = isPostgres(db) ? sql`timestamptz` : sql`text`;

  await db.schema
    .alterTable('events')
    .addColumn('accessibility_facts', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('events')
    .addColumn('registration_mode', 'text', (c) =>
      c
        .notNull()
        .defaultTo('here')
        .check(sql`registration_mode in ('here', 'elsewhere', 'none')`),
    )
    .execute();
  await db.schema.alterTable('events').addColumn('registration_url', 'text').execute();
  await db.schema.alterTable('events').addColumn('registration_opens_at', instant).execute();
  await db.schema.alterTable('events').addColumn('registration_closes_at', instant).execute();
  await db.schema
    .alterTable('events')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('events').addColumn('previous_starts_at', instant).execute();

  const addRegistrationColumn = (name: string, type: 'text' | 'integer' | typeof instant) =>
    db.schema
      .alterTable('event_registrations')
      .addColumn(name, type as any)
      .execute();
  await db.schema
    .alterTable('event_registrations')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();
  for (const name of ['consent_statement', 'consent_version', 'access_needs']) {
    await addRegistrationColumn(name, 'text');
  }
  await addRegistrationColumn('consent_given_at', instant);
  await addRegistrationColumn('access_needs_consent_statement', 'text');
  await addRegistrationColumn('access_needs_consent_version', 'text');
  for (const name of [
    'access_needs_consent_given_at',
    'email_confirmed_at',
    'held_until',
    'promoted_at',
    'reminded_at',
    'checked_in_at',
  ]) {
    await addRegistrationColumn(name, instant);
  }
  await db.schema
    .alterTable('event_registrations')
    .addColumn('emails_sent', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await addRegistrationColumn('cancel_reason', 'text');

  // Registrations made before this migration were confirmed or waitlisted on the spot: their email counts as
  // confirmed when they were made.
  await db
    .updateTable('event_registrations')
    .set({ email_confirmed_at: sql.ref('created_at') })
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .execute();

  await db.schema
    .createIndex('event_registrations_event_status_idx')
    .on('event_registrations')
    .columns(['event_id', 'status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('event_registrations_held_until_idx')
    .on('event_registrations')
    .columns(['held_until'])
    .where(sql.ref('status'), '=', 'pending')
    .execute();

  await db.schema
    .createTable('event_registration_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('registration_id', 'text', (c) =>
      c.notNull().references('event_registrations.id').onDelete('cascade'),
    )
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('confirm', 'cancel')`))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('event_registration_tokens_registration_idx')
    .on('event_registration_tokens')
    .columns(['registration_id'])
    .execute();
  await db.schema
    .createIndex('event_registration_tokens_expires_idx')
    .on('event_registration_tokens')
    .columns(['expires_at'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('20261204_0014 cannot be undone: restore a backup instead');
}
