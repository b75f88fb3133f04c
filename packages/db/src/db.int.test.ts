// Runs on SQLite by default and on PostgreSQL when TEST_POSTGRES_URL is set: the same assertions on both.
import { fixedClock, transitionArticle, type Article } from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from './ids.js';
import { migrateToLatest } from './migrate.js';
import { isUniqueViolation } from './errors.js';
import {
  countPublishedNews,
  findArticleBySlug,
  searchPublished,
  listRelatedArticles,
  insertArticle,
  listNavigationPages,
  listPublishedNews,
  updateArticle,
} from './repositories/articles.js';
import { countConfirmedSignatures, findCampaignBySlug } from './repositories/campaigns.js';
import { dashboardCounts } from './repositories/dashboard.js';
import { listUpcomingEvents } from './repositories/events.js';
import { getSettings } from './repositories/settings.js';
import { seedDemo } from './seed.js';
import { createTestDatabase, testDialect, type TestDatabase } from './testing.js';

const now = new Date('2026-11-27T12:00:00.000Z');
const clock = fixedClock(now);
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.cleanup();
});

function draft(fields: Partial<Article> = {}): Article {
  return {
    id: randomIds.id(),
    kind: 'news',
    navOrder: null,
    language: 'en',
    slug: 'a-slug',
    title: 'A title',
    summary: '',
    body: '',
    topics: [],
    status: 'draft',
    publishedAt: null,
    scheduledFor: null,
    translationId: null,
    featuredImage: null,
    authorId: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

describe(`database on ${testDialect()}`, () => {
  it('has applied every migration, and a second run applies none', async () => {
    expect(t.dialect).toBe(testDialect());
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it('seeds the demo content once', async () => {
    expect(await seedDemo(t.db, { clock, ids: randomIds })).toEqual({ seeded: true });
    expect(await seedDemo(t.db, { clock, ids: randomIds })).toEqual({
      seeded: false,
      reason: 'the database already has articles',
    });
    const counts = await dashboardCounts(t.db, now);
    expect(counts).toEqual({
      articles: { draft: 1, scheduled: 0, published: 22, archived: 0, pages: 8 },
      campaigns: { draft: 0, active: 1, closed: 0, confirmedSignatures: 4, heldSignatures: 0 },
      members: { pending: 1, active: 3, grace: 1, lapsed: 1, cancelled: 0 },
      events: { upcoming: 1, past: 1 },
      partnerFeeds: { total: 0, failing: 0, paused: 0 },
    });
    expect((await getSettings(t.db)).organisationName).toBe('Andes Solidarity Network');
  });

  it('lists published news newest first, per language, with topics', async () => {
    const en = await listPublishedNews(t.db, { language: 'en', limit: 3 });
    expect(en.map((a) => a.title)).toEqual([
      'Textile workshop collapse puts subcontracting in the spotlight',
      'Water defenders in Cajamarca acquitted after eight years',
      'Quechua radio network wins press freedom award',
    ]);
    expect(en[1]?.topics).toEqual(['human-rights', 'mining']);
    expect(en[0]?.publishedAt).toEqual(new Date('2026-11-26T12:00:00.000Z'));
    const es = await listPublishedNews(t.db, { language: 'es', limit: 10 });
    expect(es).toHaveLength(3);
    expect(es[0]?.translationId).toBe(en[1]?.id);
    const pages = await listNavigationPages(t.db, 'en');
    expect(pages.map((p) => p.slug)).toEqual(['aims', 'history', 'human-rights', 'join-us']);
  });

  it('refuses a save based on an old version, and keeps the other save', async () => {
    const a = await insertArticle(t.db, draft({ slug: 'version-test' }));
    const first = { ...a, title: 'First editor', version: a.version + 1 };
    await updateArticle(t.db, first);
    const stale = { ...a, title: 'Second editor', version: a.version + 1 };
    await expect(updateArticle(t.db, stale)).rejects.toMatchObject({ code: 'STALE_VERSION' });
    expect((await findArticleBySlug(t.db, 'en', 'version-test'))?.article.title).toBe('First editor');
  });

  it('keeps an old slug answering after the slug changes', async () => {
    const a = await insertArticle(t.db, draft({ slug: 'old-name', topics: ['mining'] }));
    const published = transitionArticle(a, 'publish', clock);
    await updateArticle(t.db, published);
    await updateArticle(t.db, { ...published, slug: 'new-name', version: published.version + 1 });
    const found = await findArticleBySlug(t.db, 'en', 'old-name');
    expect(found).toMatchObject({ currentSlug: 'new-name', redirected: true });
    expect(found?.article.topics).toEqual(['mining']);
    expect(await findArticleBySlug(t.db, 'es', 'old-name')).toBeNull();
  });

  it('refuses a second article with the same slug in the same language, but not in the other', async () => {
    await insertArticle(t.db, draft({ slug: 'same' }));
    await expect(insertArticle(t.db, draft({ slug: 'same' }))).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'slug',
      message: 'Another en article already uses the slug "same"',
    });
    await expect(insertArticle(t.db, draft({ slug: 'same', language: 'es' }))).resolves.toMatchObject({
      slug: 'same',
    });
  });

  it('keeps one live signature per canonical email per campaign in the database itself', async () => {
    const campaign = await findCampaignBySlug(t.db, 'en', 'justice-for-sterilised-women');
    expect(campaign?.petition?.signatureGoal).toBe(1000);
    expect(await countConfirmedSignatures(t.db, campaign!.id)).toBe(4);
    const row = {
      campaign_id: campaign!.id,
      name: 'Ana again',
      email: 'Ana.Quispe+again@example.org',
      canonical_email: 'ana.quispe@example.org',
      country: 'PE',
      consent_statement: 's',
      consent_version: 'v',
      consent_given_at: now.toISOString(),
      consent_source: 'form',
      created_at: now.toISOString(),
    };
    // Whatever its status, a second signature by a person who has one that is not rejected is refused…
    for (const status of ['pending', 'held', 'confirmed']) {
      await expect(
        t.db
          .insertInto('signatures')
          .values({ ...row, id: randomIds.id(), status })
          .execute(),
        status,
      ).rejects.toSatisfy(isUniqueViolation);
    }
    // …while rejected ones (spam) do not stand in the way.
    await t.db
      .insertInto('signatures')
      .values({ ...row, id: randomIds.id(), status: 'rejected' })
      .execute();
    expect(await countConfirmedSignatures(t.db, campaign!.id)).toBe(4);
  });

  it('lists upcoming events with their time zone and venue', async () => {
    const events = await listUpcomingEvents(t.db, 'en', now);
    expect(events.map((e) => e.slug)).toEqual(['screening-the-quipu-testimonies']);
    expect(events[0]).toMatchObject({
      timeZone: 'Europe/London',
      venue: { name: 'Conway Hall', address: '25 Red Lion Square, London WC1R 4RL' },
      capacity: 80,
      registrationOpen: true,
      startsAt: new Date('2026-12-17T18:00:00.000Z'),
    });
  });

  it('searches published articles, accents ignored both ways, with escaped highlighted excerpts', async () => {
    const es = await searchPublished(t.db, { query: 'esterilizacion', language: 'es', limit: 10 });
    expect(es.results.map((r) => r.article.title)).toEqual([
      'Esterilización forzada: las sobrevivientes llevan su caso a Ginebra',
    ]);
    expect(es.results[0]!.excerptHtml).toContain('<mark>Esterilización</mark>');
    const both = await searchPublished(t.db, { query: 'Cájamarca', limit: 10 });
    expect(both.results.map((r) => r.article.language).sort()).toEqual(['en', 'es']);
    expect(both.total).toBe(2);
    // The body's rendered text is indexed, not its Markdown syntax.
    expect((await searchPublished(t.db, { query: 'inspections', limit: 10 })).total).toBe(1);
    expect((await searchPublished(t.db, { query: '##', limit: 10 })).total).toBe(0);
    // Search syntax is not passed through: quotes, stars and operators are just separators.
    expect((await searchPublished(t.db, { query: '"Cajamarca" * (', language: 'en', limit: 10 })).total).toBe(
      1,
    );
  });

  it('escapes what an article says in its search excerpt', async () => {
    const a = await insertArticle(
      t.db,
      draft({
        slug: 'payload',
        title: 'Payload',
        body: 'A <script>alert(1)</script> quinoa <img src=x onerror=alert(1)>',
      }),
    );
    await updateArticle(t.db, transitionArticle(a, 'publish', clock));
    const [hit] = (await searchPublished(t.db, { query: 'quinoa', limit: 5 })).results;
    // No element but <mark>: the text is escaped (SQLite) or its tags dropped (PostgreSQL's ts_headline).
    expect(hit!.excerptHtml).not.toMatch(/<(?!\/?mark>)/);
    expect(hit!.excerptHtml).toContain('<mark>quinoa</mark>');
  });

  it('counts news per topic and finds related articles', async () => {
    expect(await countPublishedNews(t.db, { language: 'en' })).toBeGreaterThanOrEqual(11);
    expect(await countPublishedNews(t.db, { language: 'en', topic: 'mining' })).toBe(3); // 2 seeded + new-name
    const water = (await findArticleBySlug(
      t.db,
      'en',
      'water-defenders-in-cajamarca-acquitted-after-eight-years',
    ))!.article;
    const related = await listRelatedArticles(t.db, water, 5);
    // Shares "mining" or "human-rights"; newest first; the test article "new-name" (mining) was published today.
    expect(related.map((r) => r.slug)).toEqual([
      'new-name',
      'lead-levels-in-oroya-children-still-above-safe-limits',
      'survivors-of-forced-sterilisation-take-their-case-to-geneva',
    ]);
  });
});
