// Topics: one table of slugs and names, linked to articles and partner feeds (and next campaigns and events)
// through their own link tables. The domain decides which topic a typed name means (topics/rules.ts).
import {
  DomainError,
  nameFromSlug,
  type Language,
  type Topic,
  type TopicRepository,
  type TopicUsage,
} from '@ayni/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** Adds topics that do not exist yet; an existing slug keeps its names. */
export async function ensureTopics(
  db: Db,
  topics: readonly { slug: string; name: string; nameEs?: string | null }[],
): Promise<void> {
  for (const t of topics) {
    await db
      .insertInto('topics')
      .values({ slug: t.slug, name: t.name, name_es: t.nameEs ?? null })
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute();
  }
}

/** The tables that link something to its topics, with the column naming what is linked. */
const links = {
  article_topics: 'article_id',
  partner_feed_topics: 'feed_id',
  campaign_topics: 'campaign_id',
} as const;

/**
 * Replaces the topics of one article or feed with `slugs` (a topic known only by its slug is created, named
 * after it, until staff name it).
 */
export async function linkTopics(
  db: Db,
  table: keyof typeof links,
  ownerId: string,
  slugs: readonly string[],
): Promise<void> {
  const column = links[table];
  await ensureTopics(
    db,
    slugs.map((slug) => ({ slug, name: nameFromSlug(slug) })),
  );
  await db.deleteFrom(table).where(column, '=', ownerId).execute();
  if (slugs.length > 0) {
    await db
      .insertInto(table)
      .values(slugs.map((topic_slug) => ({ [column]: ownerId, topic_slug }) as never))
      .execute();
  }
}

/** A topic with its name in `language` (the English name when it has no Spanish one yet). */
export async function findTopic(
  db: Db,
  slug: string,
  language: Language = 'en',
): Promise<{ slug: string; name: string } | null> {
  const row = await db
    .selectFrom('topics')
    .select(['slug', 'name', 'name_es'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!row) return null;
  return { slug: row.slug, name: language === 'es' ? (row.name_es ?? row.name) : row.name };
}

export async function listTopics(db: Db): Promise<Topic[]> {
  const rows = await db.selectFrom('topics').select(['slug', 'name', 'name_es']).orderBy('name').execute();
  return rows.map((r) => ({ slug: r.slug, name: r.name, nameEs: r.name_es }));
}

/** Names a topic in both languages (its slug, hence its URL, stays). */
export async function renameTopic(
  db: Db,
  slug: string,
  names: { name: string; nameEs: string | null },
): Promise<Topic> {
  const updated = await db
    .updateTable('topics')
    .set({ name: names.name, name_es: names.nameEs })
    .where('slug', '=', slug)
    .returning(['slug', 'name', 'name_es'])
    .executeTakeFirst();
  if (!updated) throw new DomainError('NOT_FOUND', 'This topic no longer exists');
  return { slug: updated.slug, name: updated.name, nameEs: updated.name_es };
}

/** How many articles, partner feeds and campaigns carry each topic. */
export async function topicUsage(db: Db): Promise<Map<string, TopicUsage>> {
  const usage = new Map<string, TopicUsage>();
  const counts = (table: keyof typeof links) =>
    db
      .selectFrom(table)
      .select((eb) => ['topic_slug', eb.fn.countAll<number>().as('n')])
      .groupBy('topic_slug')
      .execute();
  const [articles, feeds, campaigns] = await Promise.all([
    counts('article_topics'),
    counts('partner_feed_topics'),
    counts('campaign_topics'),
  ]);
  const add = (rows: { topic_slug: string; n: number }[], key: keyof TopicUsage) => {
    for (const r of rows) {
      const own = usage.get(r.topic_slug) ?? { articles: 0, feeds: 0, campaigns: 0 };
      usage.set(r.topic_slug, { ...own, [key]: Number(r.n) });
    }
  };
  add(articles, 'articles');
  add(feeds, 'feeds');
  add(campaigns, 'campaigns');
  return usage;
}

/**
 * Moves every article's, feed's and campaign's link to `from` onto `into` (an owner that has both keeps one) and deletes
 * `from`. Run it in a transaction (the unit of work): halfway, nothing is kept.
 */
export async function mergeTopicInto(db: Db, from: string, into: string): Promise<void> {
  for (const [table, column] of Object.entries(links) as [keyof typeof links, string][]) {
    // One statement per link table: every owner of `from` gets `into`, unless it already has it.
    await sql`insert into ${sql.table(table)} (${sql.ref(column)}, topic_slug)
      select ${sql.ref(column)}, ${into} from ${sql.table(table)} where topic_slug = ${from}
      on conflict do nothing`.execute(db);
    await db.deleteFrom(table).where('topic_slug', '=', from).execute();
  }
  await db.deleteFrom('topics').where('slug', '=', from).execute();
}

/** The domain's TopicRepository port on `db`. */
export function topicRepository(db: Db): TopicRepository {
  return {
    usage: () => topicUsage(db),
    merge: (from, into) => mergeTopicInto(db, from, into),
    remove: async (slug) => {
      await db.deleteFrom('topics').where('slug', '=', slug).execute();
    },
    list: () => listTopics(db),
    insertMissing: (topics) => ensureTopics(db, topics),
    async rename(slug, names) {
      const row = await db.selectFrom('topics').select('slug').where('slug', '=', slug).executeTakeFirst();
      return row ? renameTopic(db, slug, names) : null;
    },
  };
}
