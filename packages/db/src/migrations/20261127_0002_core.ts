// Frozen. The four aggregates (articles, campaigns, members, events) plus settings and the worker heartbeat.
// Instants: timestamptz on PostgreSQL, ISO-8601 text on SQLite. Flags: boolean on PostgreSQL, 0/1 on SQLite.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const instant = pg ? sql`timestamptz` : sql`text`;
  const flag = pg ? sql`boolean` : sql`integer`;
  const yes = pg ? sql`true` : sql`1`;
  const no = pg ? sql`false` : sql`0`;

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('worker_heartbeats')
    .addColumn('worker_id', 'text', (c) => c.primaryKey())
    .addColumn('hostname', 'text', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('started_at', instant, (c) => c.notNull())
    .addColumn('seen_at', instant, (c) => c.notNull())
    .execute();

  // Articles
  await db.schema
    .createTable('topics')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('news', 'page')`))
    .addColumn('nav_order', 'integer')
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('en', 'es')`))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'scheduled', 'published', 'archived')`),
    )
    .addColumn('published_at', instant)
    .addColumn('scheduled_for', instant)
    .addColumn('translation_id', 'text', (c) => c.references('articles.id').onDelete('set null'))
    .addColumn('author_id', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addUniqueConstraint('articles_language_slug_unique', ['language', 'slug'])
    .execute();
  await db.schema
    .createIndex('articles_listing_idx')
    .on('articles')
    .columns(['status', 'kind', 'language', 'published_at', 'id'])
    .execute();
  await db.schema
    .createIndex('articles_scheduled_idx')
    .on('articles')
    .columns(['status', 'scheduled_for'])
    .execute();

  await db.schema
    .createTable('article_slug_history')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('article_slug_history_pk', ['language', 'slug'])
    .execute();

  await db.schema
    .createTable('article_topics')
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('topic_slug', 'text', (c) => c.notNull().references('topics.slug').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_topics_pk', ['article_id', 'topic_slug'])
    .execute();
  await db.schema
    .createIndex('article_topics_topic_idx')
    .on('article_topics')
    .columns(['topic_slug'])
    .execute();

  // Campaigns
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('en', 'es')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'active', 'closed')`))
    .addColumn('petition_text', 'text')
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
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
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
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'confirmed')`))
    .addColumn('confirmed_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
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

  // Members
  await db.schema
    .createTable('membership_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('annual_fee', 'integer', (c) => c.notNull().check(sql`annual_fee >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('active', flag, (c) => c.notNull().defaultTo(yes))
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('canonical_email', 'text', (c) => c.notNull().unique())
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('en', 'es')`))
    .addColumn('membership_type_id', 'text', (c) => c.notNull().references('membership_types.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'active', 'grace', 'lapsed', 'cancelled')`),
    )
    .addColumn('joined_at', instant)
    .addColumn('renews_at', instant)
    .addColumn('cancelled_at', instant)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('consent_statement', 'text')
    .addColumn('consent_version', 'text')
    .addColumn('consent_given_at', instant)
    .addColumn('consent_source', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('members_status_renews_idx')
    .on('members')
    .columns(['status', 'renews_at'])
    .execute();

  // Events
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('en', 'es')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_at', instant, (c) => c.notNull())
    .addColumn('ends_at', instant, (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('venue_name', 'text')
    .addColumn('venue_address', 'text')
    .addColumn('online_url', 'text')
    .addColumn('accessibility', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('capacity', 'integer')
    .addColumn('registration_open', flag, (c) => c.notNull().defaultTo(yes))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published', 'cancelled')`))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_starts_idx').on('events').columns(['status', 'starts_at']).execute();

  await db.schema
    .createTable('event_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('canonical_email', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('confirmed', 'waitlisted', 'cancelled')`),
    )
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('cancelled_at', instant)
    .execute();
  await db.schema
    .createIndex('event_registrations_one_per_email')
    .on('event_registrations')
    .columns(['event_id', 'canonical_email'])
    .unique()
    .where(sql.ref('status'), '<>', 'cancelled')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'event_registrations',
    'events',
    'members',
    'membership_types',
    'signatures',
    'campaign_milestones',
    'campaigns',
    'article_topics',
    'article_slug_history',
    'articles',
    'topics',
    'worker_heartbeats',
    'settings',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
