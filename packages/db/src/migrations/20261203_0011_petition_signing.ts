// Frozen. What signing a petition from the public site needs (issue 13), added without rebuilding a table:
// - signatures: the language signed in (the emails' language), the `?source=` it came from, the optional second
//   consent ("keep me updated about this campaign") with its own statement and version, how many emails the
//   signature has caused (at most 5), and why one is held.
// - One signature per person per campaign over every signature that is not rejected (it was over confirmed ones
//   only): where a person already has more than one, the one kept is the confirmed one, else the held one, else
//   the earliest; the others become `rejected` — kept, not deleted, and not counted.
// - signature_tokens: the hashes of the tokens in confirmation links (a fresh one per email, valid 30 days).
// - signing_attempts: a keyed hash of each signer's address per campaign, for the per-address limits; deleted
//   after 30 days.
// - campaigns: when and why one closed. Milestones: an optional signature threshold and when it was reached.
// - campaign_articles (related articles picked by staff, and updates attached to the campaign) and
//   campaign_topics.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const instant = pg ? sql`timestamptz` : sql`text`;

  await db.schema
    .alterTable('signatures')
    .addColumn('language', 'text', (c) =>
      c
        .notNull()
        .defaultTo('en')
        .check(sql`language in ('en', 'es')`),
    )
    .execute();
  for (const column of [
    ['source', sql`text`],
    ['updates_consent_statement', sql`text`],
    ['updates_consent_version', sql`text`],
    ['updates_consent_given_at', instant],
    ['held_reason', sql`text`],
  ] as const) {
    await db.schema.alterTable('signatures').addColumn(column[0], column[1]).execute();
  }
  await db.schema
    .alterTable('signatures')
    .addColumn('emails_sent', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // A signature's emails go out in the language of its campaign's page; before this, a campaign had one language.
  await sql`update signatures set language = coalesce(
      (select min(t.language) from campaign_translations t where t.campaign_id = signatures.campaign_id), 'en')`.execute(
    db,
  );

  // One live signature per person per campaign: the extra ones are rejected (kept, never counted).
  await sql`update signatures set status = 'rejected' where id in (
      select id from (
        select id, row_number() over (
          partition by campaign_id, canonical_email
          order by case status when 'confirmed' then 0 when 'held' then 1 else 2 end, created_at, id
        ) as place
        from signatures where status <> 'rejected'
      ) ranked where place > 1)`.execute(db);
  await db.schema.dropIndex('signatures_one_confirmed_per_email').execute();
  await db.schema
    .createIndex('signatures_one_per_person')
    .on('signatures')
    .columns(['campaign_id', 'canonical_email'])
    .unique()
    .where(sql.ref('status'), '<>', 'rejected')
    .execute();
  // The staff list: newest first within a campaign.
  await db.schema
    .createIndex('signatures_campaign_created_idx')
    .on('signatures')
    .columns(['campaign_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('signature_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('signature_id', 'text', (c) => c.notNull().references('signatures.id').onDelete('cascade'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('signature_tokens_signature_idx')
    .on('signature_tokens')
    .columns(['signature_id'])
    .execute();

  await db.schema
    .createTable('signing_attempts')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('address_hash', 'text', (c) => c.notNull())
    .addColumn('at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('signing_attempts_lookup_idx')
    .on('signing_attempts')
    .columns(['campaign_id', 'address_hash', 'at'])
    .execute();
  await db.schema.createIndex('signing_attempts_at_idx').on('signing_attempts').columns(['at']).execute();

  await db.schema.alterTable('campaigns').addColumn('closed_at', instant).execute();
  await db.schema.alterTable('campaigns').addColumn('closed_reason', 'text').execute();
  await db.schema.alterTable('campaign_milestones').addColumn('signature_threshold', 'integer').execute();
  await db.schema.alterTable('campaign_milestones').addColumn('reached_at', instant).execute();

  await db.schema
    .createTable('campaign_articles')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('relation', 'text', (c) => c.notNull().check(sql`relation in ('related', 'update')`))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('campaign_articles_pk', ['campaign_id', 'article_id', 'relation'])
    .execute();
  await db.schema
    .createIndex('campaign_articles_article_idx')
    .on('campaign_articles')
    .columns(['article_id'])
    .execute();

  await db.schema
    .createTable('campaign_topics')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('topic_slug', 'text', (c) => c.notNull().references('topics.slug').onDelete('cascade'))
    .addPrimaryKeyConstraint('campaign_topics_pk', ['campaign_id', 'topic_slug'])
    .execute();
  await db.schema
    .createIndex('campaign_topics_topic_idx')
    .on('campaign_topics')
    .columns(['topic_slug'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('20261203_0011 cannot be undone: restore a backup instead');
}
