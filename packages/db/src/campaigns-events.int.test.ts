// Campaigns and events are one row in one or two languages, their slugs unique per (language, slug) by the
// database's own constraint. Runs on SQLite by default and on PostgreSQL when TEST_POSTGRES_URL is set.
import { isDomainError, type Campaign, type Event, type Milestone } from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from './ids.js';
import {
  findCampaignById,
  findCampaignBySlug,
  insertCampaign,
  updateCampaign,
} from './repositories/campaigns.js';
import { findEventBySlug, insertEvent, listUpcomingEvents } from './repositories/events.js';
import { markMilestoneReachedIfNot } from './repositories/milestone-emails.js';
import { createTestDatabase, testDialect, type TestDatabase } from './testing.js';

const now = new Date('2026-11-27T12:00:00.000Z');
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.cleanup();
});

function campaign(translations: Campaign['translations'], fields: Partial<Campaign> = {}): Campaign {
  return {
    id: randomIds.id(),
    status: 'active',
    petition: { target: 'Ministry of Energy and Mines', signatureGoal: 500, deadline: null },
    translations,
    milestones: [],
    closedAt: null,
    closedReason: null,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

const text = (slug: string, title: string) => ({
  slug,
  title,
  summary: '',
  body: '',
  petitionText: 'Stop it.',
});

function event(translations: Event['translations'], fields: Partial<Event> = {}): Event {
  return {
    id: randomIds.id(),
    startsAt: new Date('2026-12-10T18:00:00.000Z'),
    endsAt: new Date('2026-12-10T20:00:00.000Z'),
    timeZone: 'America/Lima',
    venue: { name: 'Casa de la Cultura', address: 'Jr. Lima 123, Puno' },
    onlineUrl: null,
    accessibility: '',
    capacity: 40,
    registrationOpen: true,
    accessibilityFacts: [],
    registrationMode: 'here',
    registrationUrl: null,
    registrationOpensAt: null,
    registrationClosesAt: null,
    sequence: 0,
    previousStartsAt: null,
    status: 'published',
    campaignId: null,
    translations,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** The error a promise rejects with, as [code, field, message]. */
async function refusal(promise: Promise<unknown>): Promise<[string, string | undefined, string]> {
  const error = await promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw error;
  return [error.code, error.field, error.message];
}

describe(`campaigns on ${testDialect()}`, () => {
  it('keeps one campaign with both languages and its milestones, found by either slug', async () => {
    const c = campaign(
      {
        en: text('water-is-life', 'Water is life'),
        es: text('el-agua-es-vida', 'El agua es vida'),
      },
      {
        petition: {
          target: 'Ministry of Energy and Mines',
          signatureGoal: 500,
          deadline: new Date('2027-01-31T23:59:00.000Z'),
        },
        milestones: [
          {
            id: randomIds.id(),
            date: new Date('2026-12-01T00:00:00.000Z'),
            reached: true,
            reachedAt: new Date('2026-12-01T09:30:00.000Z'),
            signatureThreshold: null,
            translations: {
              en: { title: 'Launched', description: 'In Lima and London' },
              es: { title: 'Lanzamiento', description: 'En Lima y Londres' },
            },
          },
          {
            id: randomIds.id(),
            date: null,
            reached: false,
            reachedAt: null,
            signatureThreshold: 500,
            translations: { en: { title: 'Delivered', description: '' } },
          },
        ],
      },
    );
    await insertCampaign(t.db, c);
    expect(await findCampaignBySlug(t.db, 'es', 'el-agua-es-vida')).toEqual(c);
    expect(await findCampaignBySlug(t.db, 'en', 'water-is-life')).toEqual(c);
    expect(await findCampaignById(t.db, c.id)).toEqual(c);
    // A slug is looked up in its own language only.
    expect(await findCampaignBySlug(t.db, 'en', 'el-agua-es-vida')).toBeNull();
  });

  it('lets the English and Spanish texts of one campaign share a slug, and refuses it to another campaign', async () => {
    const agua = campaign({ en: text('agua', 'Agua'), es: text('agua', 'Agua') });
    await insertCampaign(t.db, agua);
    expect((await findCampaignBySlug(t.db, 'en', 'agua'))?.id).toBe(agua.id);
    expect((await findCampaignBySlug(t.db, 'es', 'agua'))?.id).toBe(agua.id);

    const other = campaign({ en: text('clean-water', 'Clean water'), es: text('agua', 'Agua limpia') });
    expect(await refusal(insertCampaign(t.db, other))).toEqual([
      'CONFLICT',
      'translations.es.slug',
      'Another campaign already uses the slug "agua" in Spanish',
    ]);
    // Nothing of the refused campaign is left behind, not even its English text.
    expect(await findCampaignById(t.db, other.id)).toBeNull();
    expect(await findCampaignBySlug(t.db, 'en', 'clean-water')).toBeNull();
  });

  it('gives one of two campaigns created at the same moment with the same slug the field message', async () => {
    const results = await Promise.allSettled(
      ['first', 'second'].map((name) =>
        insertCampaign(t.db, campaign({ es: text('rio-limpio', `Río limpio (${name})`) })),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = results.find((r) => r.status === 'rejected')!;
    expect(await refusal(Promise.reject(failed.reason))).toEqual([
      'CONFLICT',
      'translations.es.slug',
      'Another campaign already uses the slug "rio-limpio" in Spanish',
    ]);
    const won = results.find((r) => r.status === 'fulfilled')!;
    expect((await findCampaignBySlug(t.db, 'es', 'rio-limpio'))?.id).toBe(won.value.id);
  });

  it('refuses a translation added later with a slug taken in that language, keeping the campaign as it was', async () => {
    const c = campaign({ en: text('mining-and-water', 'Mining and water') });
    await insertCampaign(t.db, c);
    const withSpanish = { ...c, translations: { ...c.translations, es: text('agua', 'Minería y agua') } };
    expect(await refusal(updateCampaign(t.db, withSpanish))).toEqual([
      'CONFLICT',
      'translations.es.slug',
      'Another campaign already uses the slug "agua" in Spanish',
    ]);
    expect(await findCampaignById(t.db, c.id)).toEqual(c);
    const fine = { ...c, translations: { ...c.translations, es: text('mineria-y-agua', 'Minería y agua') } };
    await updateCampaign(t.db, fine);
    expect(await findCampaignBySlug(t.db, 'es', 'mineria-y-agua')).toEqual(fine);
  });

  it('saves edited milestones under their ids with their thresholds, adds new ones in order, deletes those left out, and never un-reaches one', async () => {
    const milestone = (title: string, fields: Partial<Milestone> = {}): Milestone => ({
      id: randomIds.id(),
      date: null,
      reached: false,
      reachedAt: null,
      signatureThreshold: null,
      translations: { en: { title, description: '' } },
      ...fields,
    });
    const [launch, delivered, dropped] = [milestone('Launch'), milestone('Delivered'), milestone('Dropped')];
    const c = campaign({ en: text('rivers', 'Rivers') }, { milestones: [launch, delivered, dropped] });
    await insertCampaign(t.db, c);
    // A confirmation reaches "Launch" while a campaigner edits a copy read before it.
    const reachedAt = new Date('2026-12-04T10:00:00.000Z');
    expect(await markMilestoneReachedIfNot(t.db, launch.id, reachedAt)).toBe(true);

    const added = milestone('1,000 signatures', { signatureThreshold: 1000 });
    const renamedLaunch = { ...launch, translations: { en: { title: 'Launched', description: '' } } };
    await updateCampaign(t.db, { ...c, milestones: [added, renamedLaunch, delivered] });

    expect((await findCampaignById(t.db, c.id))?.milestones).toEqual([
      added,
      { ...renamedLaunch, reached: true, reachedAt },
      delivered,
    ]);
    const rows = await t.db
      .selectFrom('campaign_milestones')
      .select('id')
      .where('campaign_id', '=', c.id)
      .execute();
    expect(rows.map((r) => r.id).sort()).toEqual([added.id, launch.id, delivered.id].sort());
  });
});

describe(`events on ${testDialect()}`, () => {
  it('keeps one event in both languages; another event cannot take a slug in the same language', async () => {
    const vigil = event({
      en: { slug: 'vigil', title: 'Vigil', summary: 'Outside the embassy', body: '' },
      es: { slug: 'vigil', title: 'Vigilia', summary: 'Frente a la embajada', body: '' },
    });
    await insertEvent(t.db, vigil);
    expect(await findEventBySlug(t.db, 'es', 'vigil')).toEqual(vigil);
    const other = event({ es: { slug: 'vigil', title: 'Otra vigilia', summary: '', body: '' } });
    expect(await refusal(insertEvent(t.db, other))).toEqual([
      'CONFLICT',
      'slug',
      'Another event already uses the slug "vigil" in Spanish',
    ]);
  });

  it('lists upcoming events in one language only, with that language’s texts', async () => {
    await insertEvent(
      t.db,
      event(
        { en: { slug: 'talk-in-english', title: 'A talk in English', summary: '', body: '' } },
        { startsAt: new Date('2026-12-01T18:00:00.000Z'), endsAt: new Date('2026-12-01T19:00:00.000Z') },
      ),
    );
    await insertEvent(
      t.db,
      event(
        { es: { slug: 'charla-reprogramada', title: 'Charla reprogramada', summary: '', body: '' } },
        {
          status: 'rescheduled',
          startsAt: new Date('2026-12-20T18:00:00.000Z'),
          endsAt: new Date('2026-12-20T19:00:00.000Z'),
        },
      ),
    );
    await insertEvent(
      t.db,
      event({ es: { slug: 'borrador', title: 'Borrador', summary: '', body: '' } }, { status: 'draft' }),
    );
    const en = await listUpcomingEvents(t.db, 'en', now);
    const es = await listUpcomingEvents(t.db, 'es', now);
    expect(en.map((e) => [e.language, e.title])).toEqual([
      ['en', 'A talk in English'],
      ['en', 'Vigil'],
    ]);
    expect(es.map((e) => [e.language, e.title, e.summary])).toEqual([
      ['es', 'Vigilia', 'Frente a la embajada'],
      ['es', 'Charla reprogramada', ''],
    ]);
  });
});
