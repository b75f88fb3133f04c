// Frozen. A campaign (an event) is one thing in two languages: one row with its status, petition target, goal and
// deadline (times, venue, capacity…), and its texts and slug per language in a translations table, unique per
// (language, slug). Milestones keep their date and state on one row, their texts per language likewise. Each old
// row becomes one row plus one translation in its old language, with its old slug.
// The same migration widens the statuses the next issues need, so these tables are rebuilt once: signatures
// pending/confirmed/held/rejected, registrations pending/confirmed/waitlisted/cancelled, events
// draft/published/cancelled/rescheduled.
//
// How each dialect keeps every row (docs/decisions/0010-migrations-keep-data.md):
// - PostgreSQL alters in place: new tables, copy the texts, drop the old columns, swap the CHECK constraints.
// - SQLite cannot drop a UNIQUE column or change a CHECK without rebuilding the table, and in the migrator's single
//   transaction `PRAGMA foreign_keys = OFF` does nothing, so dropping `campaigns` would delete every signature and
//   milestone through ON DELETE CASCADE. So the five tables are renamed out of the way together, the new ones are
//   created and filled from them parents first, and the old ones are dropped children first — when a parent goes,
//   nothing refers to it any more. Before dropping anything the migration compares row counts and runs
//   `PRAGMA foreign_key_check`, and fails (rolling everything back) rather than lose a row.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { isPostgres } from './dialect.js';

const SIGNATURE_STATUSES = sql`status in ('pending', 'confirmed', 'held', 'rejected')`;
const REGISTRATION_STATUSES = sql`status in ('pending', 'confirmed', 'waitlisted', 'cancelled')`;
const EVENT_STATUSES = sql`status in ('draft', 'published', 'cancelled', 'rescheduled')`;

interface Types {
  instant: RawBuilder<unknown>;
  flag: RawBuilder<unknown>;
  yes: RawBuilder<unknown>;
  no: RawBuilder<unknown>;
}

/** The translation tables: the same on both dialects. */
async function createTranslationTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('campaign_translations')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('en', 'es')`))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('petition_text', 'text')
    .addPrimaryKeyConstraint('campaign_translations_pk', ['campaign_id', 'language'])
    .addUniqueConstraint('campaign_translations_language_slug_unique', ['language', 'slug'])
    .execute();

  await db.schema
    .createTable('campaign_milestone_translations')
    .addColumn('milestone_id', 'text', (c) =>
      c.notNull().references('campaign_milestones.id').onDelete('cascade'),
    )
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('en', 'es')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('campaign_milestone_translations_pk', ['milestone_id', 'language'])
    .execute();

  await db.schema
    .createTable('event_translations')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('en', 'es')`))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('event_translations_pk', ['event_id', 'language'])
    .addUniqueConstraint('event_translations_language_slug_unique', ['language', 'slug'])
    .execute();
}

/** Each old campaign, milestone and event's texts become one translation in its old language, with its old slug. */
async function copyTexts(
  db: Kysely<any>,
  from: { campaigns: string; milestones: string; events: string },
): Promise<void> {
  const campaigns = sql.table(from.campaigns);
  const milestones = sql.table(from.milestones);
  const events = sql.table(from.events);
  await sql`insert into campaign_translations (campaign_id, language, slug, title, summary, body, petition_text)
    select id, language, slug, title, summary, body, petition_text from ${campaigns}`.execute(db);
  await sql`insert into campaign_milestone_translations (milestone_id, language, title, description)
    select m.id, c.language, m.title, m.description
    from ${milestones} m join ${campaigns} c on c.id = m.campaign_id`.execute(db);
  await sql`insert into event_translations (event_id, language, slug, title, summary, body)
    select id, language, slug, title, summary, body from ${events}`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await alterOnPostgres(db);
  } else {
    await rebuildOnSqlite(db, {
      instant: sql`text`,
      flag: sql`integer`,
      yes: sql`1`,
      no: sql`0`,
    });
  }
}

async function alterOnPostgres(db: Kysely<any>): Promise<void> {
  await createTranslationTables(db);
  await copyTexts(db, { campaigns: 'campaigns', milestones: 'campaign_milestones', events: 'events' });

  // Dropping `slug` drops its UNIQUE constraint with it.
  await sql`alter table campaign_milestones drop column title, drop column description`.execute(db);
  await sql`alter table campaigns drop column slug, drop column language, drop column title,
    drop column summary, drop column body, drop column petition_text`.execute(db);
  await sql`alter table events drop column slug, drop column language, drop column title,
    drop column summary, drop column body`.execute(db);

  // The inline CHECKs of 0002 carry PostgreSQL's default names (<table>_<column>_check).
  await sql`alter table signatures drop constraint signatures_status_check,
    add constraint signatures_status_check check (${SIGNATURE_STATUSES})`.execute(db);
  await sql`alter table event_registrations drop constraint event_registrations_status_check,
    add constraint event_registrations_status_check check (${REGISTRATION_STATUSES})`.execute(db);
  await sql`alter table events drop constraint events_status_check,
    add constraint events_status_check check (${EVENT_STATUSES})`.execute(db);
}

/** The tables rebuilt on SQLite, parents before children (the order they are filled in; dropped in reverse). */
const REBUILT = ['campaigns', 'campaign_milestones', 'signatures', 'events', 'event_registrations'] as const;
const old = (table: string) => `_old_${table}`;

async function rebuildOnSqlite(db: Kysely<any>, { instant, flag, yes, no }: Types): Promise<void> {
  // Indexes keep their names when their table is renamed: drop them so the new tables can have them.
  for (const index of [
    'signatures_one_confirmed_per_email',
    'signatures_campaign_idx',
    'events_starts_idx',
    'event_registrations_one_per_email',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  // Renaming a parent makes its children's foreign keys follow it, so the old rows keep pointing at old rows.
  for (const table of REBUILT) {
    await db.schema.alterTable(table).renameTo(old(table)).execute();
  }

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'active', 'closed')`))
    .addColumn('petition_target', 'text')
    .addColumn('signature_goal', 'integer')
    .addColumn('petition_deadline', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('campaign_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('date', instant)
    .addColumn('reached', flag, (c) => c.notNull().defaultTo(no))
    .execute();

  await db.schema
    .createTable('signatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('canonical_email', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text')
    .addColumn('consent_statement', 'text', (c) => c.notNull())
    .addColumn('consent_version', 'text', (c) => c.notNull())
    .addColumn('consent_given_at', instant, (c) => c.notNull())
    .addColumn('consent_source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(SIGNATURE_STATUSES))
    .addColumn('confirmed_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('starts_at', instant, (c) => c.notNull())
    .addColumn('ends_at', instant, (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('venue_name', 'text')
    .addColumn('venue_address', 'text')
    .addColumn('online_url', 'text')
    .addColumn('accessibility', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('capacity', 'integer')
    .addColumn('registration_open', flag, (c) => c.notNull().defaultTo(yes))
    .addColumn('status', 'text', (c) => c.notNull().check(EVENT_STATUSES))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('event_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('canonical_email', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(REGISTRATION_STATUSES))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('cancelled_at', instant)
    .execute();

  await createTranslationTables(db);

  const columns = {
    campaigns: 'id, status, petition_target, signature_goal, petition_deadline, created_at, updated_at',
    campaign_milestones: 'id, campaign_id, position, date, reached',
    signatures:
      'id, campaign_id, name, email, canonical_email, country, postcode, consent_statement, consent_version, ' +
      'consent_given_at, consent_source, status, confirmed_at, created_at',
    events:
      'id, starts_at, ends_at, time_zone, venue_name, venue_address, online_url, accessibility, capacity, ' +
      'registration_open, status, created_at, updated_at',
    event_registrations: 'id, event_id, name, email, canonical_email, status, created_at, cancelled_at',
  } satisfies Record<(typeof REBUILT)[number], string>;
  for (const table of REBUILT) {
    await sql`insert into ${sql.table(table)} (${sql.raw(columns[table])})
      select ${sql.raw(columns[table])} from ${sql.table(old(table))}`.execute(db);
  }
  await copyTexts(db, {
    campaigns: old('campaigns'),
    milestones: old('campaign_milestones'),
    events: old('events'),
  });

  // Refuse to finish (everything rolls back) if a row did not make it across.
  const kept: [string, string][] = [
    ...REBUILT.map((t): [string, string] => [old(t), t]),
    [old('campaigns'), 'campaign_translations'],
    [old('campaign_milestones'), 'campaign_milestone_translations'],
    [old('events'), 'event_translations'],
  ];
  for (const [before, after] of kept) {
    const { rows } = await sql<{ before: number; after: number }>`select
      (select count(*) from ${sql.table(before)}) as before,
      (select count(*) from ${sql.table(after)}) as after`.execute(db);
    const counts = rows[0];
    if (!counts || counts.before !== counts.after) {
      throw new Error(
        `${after} would have ${counts?.after} rows where ${before} had ${counts?.before}: migration stopped`,
      );
    }
  }

  for (const table of [...REBUILT].reverse()) {
    await db.schema.dropTable(old(table)).execute();
  }
  const { rows: broken } = await sql`pragma foreign_key_check`.execute(db);
  if (broken.length > 0) {
    throw new Error(`Foreign keys broken after rebuilding: ${JSON.stringify(broken)}`);
  }

  await createIndexes(db);
}

/** The indexes of 0002 on the rebuilt tables (on PostgreSQL they survive the ALTERs). */
async function createIndexes(db: Kysely<any>): Promise<void> {
  // One confirmed signature per canonical email per campaign, whatever the code above the database does.
  await db.schema
    .createIndex('signatures_one_confirmed_per_email')
    .on('signatures')
    .columns(['campaign_id', 'canonical_email'])
    .unique()
    .where(sql.ref('status'), '=', 'confirmed')
    .execute();
  await db.schema
    .createIndex('signatures_campaign_idx')
    .on('signatures')
    .columns(['campaign_id', 'status'])
    .execute();
  await db.schema.createIndex('events_starts_idx').on('events').columns(['status', 'starts_at']).execute();
  await db.schema
    .createIndex('event_registrations_one_per_email')
    .on('event_registrations')
    .columns(['event_id', 'canonical_email'])
    .unique()
    .where(sql.ref('status'), '<>', 'cancelled')
    .execute();
}

/**
 * Not reversible: the old tables hold one language per campaign or event, so going back would have to throw away
 * the other language's texts. Restore a backup taken before upgrading instead.
 */
export async function down(): Promise<void> {
  throw new Error(
    '20261202_0010_campaign_and_event_translations cannot be undone without losing texts: restore a backup',
  );
}
