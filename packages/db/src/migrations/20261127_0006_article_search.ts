// Frozen. Articles get a featured image (with its alt text), the plain text of the rendered body (what search
// indexes — not the Markdown), an index for the admin list's keyset pagination, and accent-insensitive full-text
// search without stemming:
// - SQLite: an FTS5 table over title, summary and text, tokenize 'unicode61 remove_diacritics 2', kept in step by
//   triggers;
// - PostgreSQL: a text search configuration copied from `simple` whose words go through `unaccent` (unaccent()
//   itself cannot be used in an index expression), a generated tsvector column and a GIN index.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('featured_image_url', 'text').execute();
  await db.schema.alterTable('articles').addColumn('featured_image_alt', 'text').execute();
  await db.schema
    .alterTable('articles')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('articles_created_idx').on('articles').columns(['created_at', 'id']).execute();

  if (isPostgres(db)) {
    await sql`create extension if not exists unaccent`.execute(db);
    await sql`create text search configuration ayni_unaccent (copy = simple)`.execute(db);
    await sql`alter text search configuration ayni_unaccent
      alter mapping for hword, hword_part, word with unaccent, simple`.execute(db);
    await sql`alter table articles add column search_vector tsvector generated always as (
      setweight(to_tsvector('ayni_unaccent'::regconfig, coalesce(title, '')), 'A') ||
      setweight(to_tsvector('ayni_unaccent'::regconfig, coalesce(summary, '')), 'B') ||
      setweight(to_tsvector('ayni_unaccent'::regconfig, coalesce(search_text, '')), 'C')
    ) stored`.execute(db);
    await sql`create index articles_search_idx on articles using gin (search_vector)`.execute(db);
    return;
  }
  await sql`create virtual table articles_fts using fts5(
    title, summary, search_text, content='articles', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2')`.execute(db);
  await sql`create trigger articles_fts_insert after insert on articles begin
    insert into articles_fts(rowid, title, summary, search_text)
    values (new.rowid, new.title, new.summary, new.search_text);
  end`.execute(db);
  await sql`create trigger articles_fts_delete after delete on articles begin
    insert into articles_fts(articles_fts, rowid, title, summary, search_text)
    values ('delete', old.rowid, old.title, old.summary, old.search_text);
  end`.execute(db);
  await sql`create trigger articles_fts_update after update of title, summary, search_text on articles begin
    insert into articles_fts(articles_fts, rowid, title, summary, search_text)
    values ('delete', old.rowid, old.title, old.summary, old.search_text);
    insert into articles_fts(rowid, title, summary, search_text)
    values (new.rowid, new.title, new.summary, new.search_text);
  end`.execute(db);
  await sql`insert into articles_fts(articles_fts) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop index if exists articles_search_idx`.execute(db);
    await sql`alter table articles drop column if exists search_vector`.execute(db);
    await sql`drop text search configuration if exists ayni_unaccent`.execute(db);
  } else {
    for (const t of ['articles_fts_insert', 'articles_fts_delete', 'articles_fts_update']) {
      await sql.raw(`drop trigger if exists ${t}`).execute(db);
    }
    await sql`drop table if exists articles_fts`.execute(db);
  }
  await db.schema.dropIndex('articles_created_idx').ifExists().execute();
  for (const c of ['search_text', 'featured_image_alt', 'featured_image_url']) {
    await db.schema.alterTable('articles').dropColumn(c).execute();
  }
}
