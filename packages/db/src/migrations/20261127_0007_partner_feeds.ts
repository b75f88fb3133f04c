// Frozen. Partner feeds (other organisations' RSS, Atom or JSON feeds that the worker fetches) and the items
// pulled from them, de-duplicated per feed by `item_key` (the item's guid, else its link).
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const instant = pg ? sql`timestamptz` : sql`text`;
  const flag = pg ? sql`boolean` : sql`integer`;
  const no = pg ? sql`false` : sql`0`;

  await db.schema
    .createTable('partner_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('en', 'es')`))
    .addColumn('paused', flag, (c) => c.notNull().defaultTo(no))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('next_fetch_at', instant, (c) => c.notNull())
    .addColumn('last_fetched_at', instant)
    .addColumn('last_new_item_at', instant)
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', instant)
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_warning', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('partner_feeds_due_idx')
    .on('partner_feeds')
    .columns(['paused', 'next_fetch_at'])
    .execute();

  await db.schema
    .createTable('partner_feed_topics')
    .addColumn('feed_id', 'text', (c) => c.notNull().references('partner_feeds.id').onDelete('cascade'))
    .addColumn('topic_slug', 'text', (c) => c.notNull().references('topics.slug').onDelete('cascade'))
    .addPrimaryKeyConstraint('partner_feed_topics_pk', ['feed_id', 'topic_slug'])
    .execute();

  await db.schema
    .createTable('partner_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('feed_id', 'text', (c) => c.notNull().references('partner_feeds.id').onDelete('cascade'))
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author', 'text')
    .addColumn('published_at', instant, (c) => c.notNull())
    .addColumn('draft_article_id', 'text', (c) => c.references('articles.id').onDelete('set null'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addUniqueConstraint('partner_items_feed_key_unique', ['feed_id', 'item_key'])
    .execute();
  await db.schema
    .createIndex('partner_items_published_idx')
    .on('partner_items')
    .columns(['published_at', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('partner_items').ifExists().execute();
  await db.schema.dropTable('partner_feed_topics').ifExists().execute();
  await db.schema.dropTable('partner_feeds').ifExists().execute();
}
