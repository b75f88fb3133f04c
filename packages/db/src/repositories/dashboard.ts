// Counts per aggregate for the admin dashboard, in one place so the seed test and the API agree.
import type { Kysely } from 'kysely';
import { toFlag } from '../mappers.js';
import type { Database } from '../schema.js';
import { countArticlesByStatus } from './articles.js';
import { countSignaturesByStatus } from './campaigns.js';
import { countEvents } from './events.js';
import { countMembersByStatus } from './members.js';

export async function dashboardCounts(db: Kysely<Database>, now: Date) {
  const [articles, members, events, campaigns, pages, signatures, feeds] = await Promise.all([
    countArticlesByStatus(db),
    countMembersByStatus(db),
    countEvents(db, now),
    db
      .selectFrom('campaigns')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute(),
    db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'page')
      .executeTakeFirstOrThrow(),
    countSignaturesByStatus(db),
    db
      .selectFrom('partner_feeds')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('total'),
        eb.fn
          .count<number | string>('id')
          .filterWhere((w) => w.and([w('paused', '=', toFlag(false)), w('consecutive_failures', '>', 0)]))
          .as('failing'),
        eb.fn.count<number | string>('id').filterWhere('paused', '=', toFlag(true)).as('paused'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  const campaignCounts = { draft: 0, active: 0, closed: 0 };
  for (const r of campaigns) campaignCounts[r.status as keyof typeof campaignCounts] = Number(r.n);
  return {
    articles: { ...articles, pages: Number(pages.n) },
    campaigns: {
      ...campaignCounts,
      confirmedSignatures: signatures.confirmed,
      // Waiting for staff to release or reject them (over the per-address limit).
      heldSignatures: signatures.held,
    },
    members,
    events,
    partnerFeeds: {
      total: Number(feeds.total),
      failing: Number(feeds.failing),
      paused: Number(feeds.paused),
    },
  };
}

export type DashboardCounts = Awaited<ReturnType<typeof dashboardCounts>>;
