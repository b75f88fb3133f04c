// What the admin's campaign editor reads and writes beyond the campaign itself: its related articles, updates and
// topics, the save that is refused when someone saved since (by updatedAt), the staff list of campaigns with their
// counts, and the articles its pickers offer.
import {
  DomainError,
  staleVersion,
  type ArticleChoice,
  type Campaign,
  type CampaignDetail,
  type CampaignEditingRepository,
  type CampaignLinks,
  type CampaignListItem,
  type CampaignStatus,
  type Language,
} from '@ayni/domain';
import { sql, type Kysely } from 'kysely';
import { createdBefore } from '../keyset.js';
import { iso, toDate, toDateOrNull } from '../mappers.js';
import type { Database } from '../schema.js';
import { withTransaction } from '../transaction.js';
import { findCampaignById, insertCampaign, updateCampaign } from './campaigns.js';
import { linkTopics } from './topics.js';

type Db = Kysely<Database>;

/** The campaign's related articles (in their order), updates and topic slugs. */
export async function findCampaignLinks(db: Db, campaignId: string): Promise<CampaignLinks> {
  const [articles, topics] = await Promise.all([
    db
      .selectFrom('campaign_articles')
      .select(['article_id', 'relation'])
      .where('campaign_id', '=', campaignId)
      .orderBy('position')
      .orderBy('article_id')
      .execute(),
    db
      .selectFrom('campaign_topics')
      .select('topic_slug')
      .where('campaign_id', '=', campaignId)
      .orderBy('topic_slug')
      .execute(),
  ]);
  return {
    related: articles.filter((a) => a.relation === 'related').map((a) => a.article_id),
    updates: articles.filter((a) => a.relation === 'update').map((a) => a.article_id),
    topics: topics.map((t) => t.topic_slug),
  };
}

/** Replaces the campaign's related articles (kept in the given order), updates and topics. */
export async function setCampaignLinks(db: Db, campaignId: string, links: CampaignLinks): Promise<void> {
  await withTransaction(db, async (trx) => {
    await trx.deleteFrom('campaign_articles').where('campaign_id', '=', campaignId).execute();
    const rows = [
      ...links.related.map((article_id, position) => ({
        article_id,
        relation: 'related' as const,
        position,
      })),
      ...links.updates.map((article_id, position) => ({ article_id, relation: 'update' as const, position })),
    ];
    if (rows.length > 0) {
      await trx
        .insertInto('campaign_articles')
        .values(rows.map((r) => ({ ...r, campaign_id: campaignId })))
        .execute();
    }
    await linkTopics(trx, 'campaign_topics', campaignId, links.topics);
  });
}

/**
 * Saves the campaign only if its stored updatedAt is still `expectedUpdatedAt`: the first statement claims the row
 * (a second save made on the same copy finds it moved on, and is STALE_VERSION), then the rest is written.
 */
export async function updateCampaignIfUnchanged(db: Db, c: Campaign, expectedUpdatedAt: Date): Promise<void> {
  await withTransaction(db, async (trx) => {
    const claimed = await trx
      .updateTable('campaigns')
      .set({ updated_at: iso(c.updatedAt) })
      .where('id', '=', c.id)
      .where('updated_at', '=', iso(expectedUpdatedAt))
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) {
      const exists = await trx.selectFrom('campaigns').select('id').where('id', '=', c.id).executeTakeFirst();
      throw exists ? staleVersion('campaign') : new DomainError('NOT_FOUND', 'Campaign not found');
    }
    await updateCampaign(trx, c);
  });
}

async function campaignSlugsLike(db: Db, language: Language, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('campaign_translations')
    .select('slug')
    .where('language', '=', language)
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return new Set(rows.map((r) => r.slug));
}

/** The domain's CampaignEditingRepository port on `db` (a transaction, in a unit of work). */
export function campaignEditingRepository(db: Db): CampaignEditingRepository {
  return {
    findById: (id) => findCampaignById(db, id),
    slugsLike: (language, base) => campaignSlugsLike(db, language, base),
    insert: async (c) => void (await insertCampaign(db, c)),
    update: (c, expected) => updateCampaignIfUnchanged(db, c, expected),
    links: (id) => findCampaignLinks(db, id),
    setLinks: (id, links) => setCampaignLinks(db, id, links),
    async existingArticles(ids) {
      if (ids.length === 0) return new Set();
      const rows = await db
        .selectFrom('articles')
        .select('id')
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Set(rows.map((r) => r.id));
    },
  };
}

/** Confirmed and held signatures per campaign, for the ones asked about. */
async function staffCounts(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { confirmed: number; held: number }>> {
  const counts = new Map(ids.map((id) => [id, { confirmed: 0, held: 0 }]));
  if (ids.length === 0) return counts;
  const rows = await db
    .selectFrom('signatures')
    .select(['campaign_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('campaign_id', 'in', [...ids])
    .where('status', 'in', ['confirmed', 'held'])
    .groupBy(['campaign_id', 'status'])
    .execute();
  for (const r of rows) {
    const own = counts.get(r.campaign_id)!;
    own[r.status as 'confirmed' | 'held'] = Number(r.n);
  }
  return counts;
}

/**
 * Campaigns for staff, newest first, `limit` at a time (keyset on created_at, id, as the other admin lists), each
 * with its status, exact confirmed count, goal, held signatures and deadline.
 */
export async function listStaffCampaigns(
  db: Db,
  f: { status?: CampaignStatus; limit: number; before?: { createdAt: Date; id: string } },
): Promise<CampaignListItem[]> {
  let q = db.selectFrom('campaigns').selectAll();
  if (f.status) q = q.where('status', '=', f.status);
  if (f.before) q = q.where(createdBefore(f.before));
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  const ids = rows.map((r) => r.id);
  const [counts, texts] = await Promise.all([
    staffCounts(db, ids),
    ids.length
      ? db
          .selectFrom('campaign_translations')
          .select(['campaign_id', 'language', 'title'])
          .where('campaign_id', 'in', ids)
          .execute()
      : Promise.resolve([]),
  ]);
  return rows.map((r) => {
    const titles: CampaignListItem['titles'] = {};
    for (const t of texts) if (t.campaign_id === r.id) titles[t.language as Language] = t.title;
    return {
      id: r.id,
      status: r.status as CampaignStatus,
      titles,
      ...counts.get(r.id)!,
      goal: r.petition_target !== null ? r.signature_goal : null,
      deadline: r.petition_target !== null ? toDateOrNull(r.petition_deadline) : null,
      createdAt: toDate(r.created_at),
      updatedAt: toDate(r.updated_at),
    };
  });
}

function toArticleChoice(r: {
  id: string;
  title: string;
  language: string;
  status: string;
  published_at: Date | string | null;
}): ArticleChoice {
  return {
    id: r.id,
    title: r.title,
    language: r.language as Language,
    status: r.status as ArticleChoice['status'],
    publishedAt: toDateOrNull(r.published_at),
  };
}

const choiceColumns = ['id', 'title', 'language', 'status', 'published_at'] as const;

/**
 * News items the editor's pickers offer (what the campaign's page can show), newest first; `search` is part of the
 * title, any case. Archived ones are left out.
 */
export async function listArticleChoices(
  db: Db,
  f: { search?: string; language?: Language; limit: number },
): Promise<ArticleChoice[]> {
  let q = db
    .selectFrom('articles')
    .select([...choiceColumns])
    .where('kind', '=', 'news')
    .where('status', '<>', 'archived');
  if (f.language) q = q.where('language', '=', f.language);
  if (f.search?.trim()) {
    const pattern = `%${f.search
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(sql<string>`lower(title)`, 'like', sql<string>`${pattern} escape '\\'`);
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  return rows.map(toArticleChoice);
}

/** A campaign as its editor opens it: the campaign, its related articles and updates, topics and exact counts. */
export async function findCampaignDetail(db: Db, id: string): Promise<CampaignDetail | null> {
  const campaign = await findCampaignById(db, id);
  if (!campaign) return null;
  const links = await findCampaignLinks(db, id);
  const ids = [...links.related, ...links.updates];
  const [articles, topics, counts] = await Promise.all([
    ids.length
      ? db
          .selectFrom('articles')
          .select([...choiceColumns])
          .where('id', 'in', ids)
          .execute()
      : Promise.resolve([]),
    links.topics.length
      ? db
          .selectFrom('topics')
          .select(['slug', 'name', 'name_es'])
          .where('slug', 'in', links.topics)
          .orderBy('name')
          .execute()
      : Promise.resolve([]),
    staffCounts(db, [id]),
  ]);
  const byId = new Map(articles.map((a) => [a.id, toArticleChoice(a)]));
  const pick = (list: string[]) => list.flatMap((a) => (byId.has(a) ? [byId.get(a)!] : []));
  return {
    ...campaign,
    related: pick(links.related),
    updates: pick(links.updates),
    topics: topics.map((t) => ({ slug: t.slug, name: t.name, nameEs: t.name_es })),
    ...counts.get(id)!,
  };
}
