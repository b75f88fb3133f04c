// Campaigns through the admin API with real sessions, on SQLite and (with TEST_POSTGRES_URL) PostgreSQL: created in
// two languages with a petition, a milestone, related articles, updates and topics (all saved together, and read by
// the public hub's query); listed with their counts; edited with the updatedAt check (two saves on one copy: one
// wins, the other is told); a milestone reached stays reached whatever the editor sends; launched, closed with a
// reason, reopened; audited in sentences; refused to a viewer.
import {
  findCampaignById,
  insertSignature,
  listCampaignArticles,
  markMilestoneReachedIfNot,
  randomIds,
} from '@ayni/db';
import {
  confirmSignature,
  newSignature,
  signingConsents,
  type CampaignEditInput,
  type CampaignDetail,
  type Clock,
} from '@ayni/domain';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ownerApiForThisFile } from './testing/owner-api.js';

// A minute passes before each test, so what a test creates is the newest.
let now = Date.parse('2026-12-04T12:00:00.000Z');
const clock: Clock = { now: () => new Date(now) };
beforeEach(() => {
  now += 60_000;
});
const { s, api } = ownerApiForThisFile(clock);

let news: { id: string };
let update: { id: string };

beforeAll(async () => {
  news = await api().articles.create({
    kind: 'news',
    language: 'en',
    title: 'Rivers run dry in Cusco',
    summary: '',
    body: 'Text',
    topics: [],
  });
  update = await api().articles.create({
    kind: 'news',
    language: 'en',
    title: 'We delivered the first letter',
    summary: '',
    body: 'Text',
    topics: [],
  });
  for (const a of [news, update]) {
    await api().articles.transition({ id: a.id, version: 1, action: 'publish' });
  }
}, 60_000);

const water = (): CampaignEditInput => ({
  translations: {
    en: { title: 'Water is life', summary: 'Clean water for Cusco', body: '# Why', petitionText: 'We ask…' },
    es: { title: 'El agua es vida', summary: 'Agua limpia', body: '', petitionText: 'Pedimos…' },
  },
  petition: { target: 'The Minister of Water', signatureGoal: 1000, deadline: '2027-01-31T23:59:00Z' },
  milestones: [
    {
      date: '2026-12-20',
      signatureThreshold: 500,
      translations: { en: { title: '500 signatures' }, es: { title: '500 firmas' } },
    },
  ],
  relatedArticleIds: [news.id],
  updateArticleIds: [update.id],
  topics: ['Water rights'],
});

/** The same campaign under another English title, in English only. */
const titled = (title: string): CampaignEditInput => ({
  ...water(),
  translations: { en: { title, petitionText: 'We ask…' } },
  milestones: [],
});

/** The editor's form for a campaign as opened: what it would send back unchanged. */
function asEdit(c: CampaignDetail): CampaignEditInput {
  return {
    translations: c.translations,
    petition: c.petition,
    milestones: c.milestones,
    relatedArticleIds: c.related.map((a) => a.id),
    updateArticleIds: c.updates.map((a) => a.id),
    topics: c.topics.map((t) => t.name),
  };
}

describe('creating and reading a campaign', () => {
  it('saves the texts, petition, milestone and what goes with it, and the hub reads the articles', async () => {
    const saved = await api().campaigns.create(water());
    expect(saved.status).toBe('draft');
    const c = await api().campaigns.get({ id: saved.id });
    expect(c.translations.en).toMatchObject({ slug: 'water-is-life', title: 'Water is life' });
    expect(c.translations.es).toMatchObject({ slug: 'el-agua-es-vida', petitionText: 'Pedimos…' });
    expect(c.petition).toEqual({
      target: 'The Minister of Water',
      signatureGoal: 1000,
      deadline: new Date('2027-01-31T23:59:00Z'),
    });
    expect(c.milestones).toEqual([
      expect.objectContaining({ reached: false, signatureThreshold: 500, date: new Date('2026-12-20') }),
    ]);
    expect(c.related.map((a) => a.title)).toEqual(['Rivers run dry in Cusco']);
    expect(c.updates.map((a) => a.title)).toEqual(['We delivered the first letter']);
    expect(c.topics.map((t) => t.slug)).toEqual(['water-rights']);
    expect(c).toMatchObject({ confirmed: 0, held: 0, updatedAt: saved.updatedAt });

    const onHub = await listCampaignArticles(s().t.db, saved.id, 'en', 5);
    expect(onHub.updates.map((a) => a.id)).toEqual([update.id]);
    expect(onHub.related.map((a) => a.id)).toEqual([news.id]);

    const { entries } = await api().audit.list({ section: 'campaigns' });
    expect(entries[0]).toMatchObject({
      action: 'campaign.create',
      summary: 'Created the campaign “Water is life” in English and Spanish',
    });
  });

  it('refuses a slug another campaign has in that language, on the slug field', async () => {
    await expect(
      api().campaigns.create({
        ...titled('Another'),
        translations: { en: { title: 'Another', slug: 'water-is-life', petitionText: 'We ask…' } },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', cause: { field: 'translations.en.slug' } });
  });

  it('names the field a bad input is wrong in', async () => {
    await expect(
      api().campaigns.create({ ...water(), petition: { target: '', signatureGoal: 0, deadline: null } }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Petition target is required'),
    });
  });

  it('lists campaigns newest first with their status, exact counts, goal and deadline, filtered by status', async () => {
    const { id } = await api().campaigns.create({
      translations: { es: { title: 'Sin petición' } },
      petition: null,
    });
    const all = (await api().campaigns.list({})).campaigns;
    expect(all[0]).toMatchObject({ id, titles: { es: 'Sin petición' }, goal: null, deadline: null });
    const campaign = (await findCampaignById(s().t.db, all[1]!.id))!;
    await api().campaigns.launch({ id: campaign.id, updatedAt: campaign.updatedAt });
    const signed = (await findCampaignById(s().t.db, campaign.id))!;
    for (const [i, email] of ['ana@example.pe', 'tom@example.org'].entries()) {
      const fresh = newSignature(
        signed,
        { name: `Signer ${i}`, email, country: 'PE', postcode: null, consent: true, updates: false },
        { clock, ids: randomIds, consents: signingConsents('en', 'Ayni'), language: 'en' },
      );
      await insertSignature(
        s().t.db,
        i === 0 ? confirmSignature(fresh, clock) : { ...fresh, status: 'held', heldReason: 'Too many' },
      );
    }
    const [active] = (await api().campaigns.list({ status: 'active' })).campaigns;
    expect(active).toMatchObject({
      id: campaign.id,
      status: 'active',
      titles: { en: 'Water is life', es: 'El agua es vida' },
      confirmed: 1,
      held: 1,
      goal: 1000,
      deadline: new Date('2027-01-31T23:59:00Z'),
    });
    const page = await api().campaigns.list({ limit: 1 });
    expect(page.campaigns).toHaveLength(1);
    const next = await api().campaigns.list({ limit: 1, cursor: page.nextCursor! });
    expect(next.campaigns.map((c) => c.id)).toEqual([campaign.id]);
  });
});

describe('editing a campaign', () => {
  it('lets one of two saves made on the same copy win and tells the other', async () => {
    const { id } = await api().campaigns.create(titled('Two editors'));
    const opened = await api().campaigns.get({ id });
    const edit = (title: string) =>
      api().campaigns.update({
        ...asEdit(opened),
        translations: { en: { ...opened.translations.en!, title } },
        id,
        updatedAt: opened.updatedAt,
      });
    const results = await Promise.allSettled([edit('First'), edit('Second')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: {
        code: 'CONFLICT',
        message:
          'This campaign was changed by someone else since you opened it. Reload to see their changes.',
      },
    });
    const title = (await api().campaigns.get({ id })).translations.en?.title;
    expect(['First', 'Second']).toContain(title);
  });

  it('keeps a reached milestone reached, and starts one with another campaign’s id as new', async () => {
    const { id } = await api().campaigns.create({
      ...titled('Milestones'),
      milestones: water().milestones!.map((m) => ({ ...m, translations: { en: m.translations.en } })),
    });
    const stored = (await findCampaignById(s().t.db, id))!;
    const reachedAt = new Date('2026-12-03T09:00:00.000Z');
    for (const m of stored.milestones) await markMilestoneReachedIfNot(s().t.db, m.id, reachedAt);
    const opened = await api().campaigns.get({ id });
    const [milestone] = opened.milestones;
    const other = (await api().campaigns.list({ status: 'active' })).campaigns[0]!;
    const foreign = (await api().campaigns.get({ id: other.id })).milestones[0]!;
    await api().campaigns.update({
      ...asEdit(opened),
      milestones: [
        { ...milestone!, reached: false, signatureThreshold: 750 },
        { id: foreign.id, reached: true, date: null, translations: { en: { title: 'Hearing' } } },
      ],
      id,
      updatedAt: opened.updatedAt,
    });
    const after = await api().campaigns.get({ id });
    expect(after.milestones[0]).toMatchObject({
      id: milestone!.id,
      reached: true,
      reachedAt,
      signatureThreshold: 750,
    });
    expect(after.milestones[1]).toMatchObject({ reached: false, reachedAt: null });
    expect(after.milestones[1]!.id).not.toBe(foreign.id);
    // The other campaign's milestone is untouched.
    expect((await api().campaigns.get({ id: other.id })).milestones[0]!.id).toBe(foreign.id);
    const { entries } = await api().audit.list({ section: 'campaigns' });
    expect(entries[0]).toMatchObject({ summary: 'Edited the campaign “Milestones” (milestones)' });
  });
});

describe('a threshold the count has passed', () => {
  it('is reached when it is saved, once, with its emails queued as one fan-out', async () => {
    const { id } = await api().campaigns.create({ ...titled('Rivers'), milestones: [] });
    const draft = (await findCampaignById(s().t.db, id))!;
    await api().campaigns.launch({ id, updatedAt: draft.updatedAt });
    const launched = (await findCampaignById(s().t.db, id))!;
    for (const email of ['ana@example.pe', 'tom@example.org', 'luz@example.pe']) {
      const fresh = newSignature(
        launched,
        { name: 'Signer', email, country: 'PE', postcode: null, consent: true, updates: true },
        { clock, ids: randomIds, consents: signingConsents('en', 'Ayni'), language: 'en' },
      );
      await insertSignature(s().t.db, confirmSignature(fresh, clock));
    }
    const fanOuts = async () =>
      (await s().queue.queued(100)).filter((j) => j.name === 'campaign.milestone-emails').length;
    const before = await fanOuts();
    const opened = await api().campaigns.get({ id });
    const milestones = [
      { signatureThreshold: 2, translations: { en: { title: '2 signatures' } } },
      { signatureThreshold: 10, translations: { en: { title: '10 signatures' } } },
    ];
    const saved = await api().campaigns.update({
      ...asEdit(opened),
      milestones,
      id,
      updatedAt: opened.updatedAt,
    });
    const stored = (await findCampaignById(s().t.db, id))!;
    expect(stored.milestones.map((m) => [m.translations.en?.title, m.reached])).toEqual([
      ['2 signatures', true],
      ['10 signatures', false],
    ]);
    expect(await fanOuts()).toBe(before + 1);

    // Saving again reaches nothing more and queues nothing more.
    const again = await api().campaigns.get({ id });
    await api().campaigns.update({ ...asEdit(again), id, updatedAt: saved.updatedAt });
    expect(await fanOuts()).toBe(before + 1);
  });
});

describe('launching, closing and reopening', () => {
  it('closes with a reason (required), reopens, and writes each as a sentence', async () => {
    const { id, updatedAt } = await api().campaigns.create(titled('Close me'));
    const launched = await api().campaigns.launch({ id, updatedAt });
    await expect(
      api().campaigns.close({ id, updatedAt: launched.updatedAt, reason: ' ' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Reason is required',
    });
    const closed = await api().campaigns.close({
      id,
      updatedAt: launched.updatedAt,
      reason: 'The council agreed to our demands.',
    });
    expect(await findCampaignById(s().t.db, id)).toMatchObject({
      status: 'closed',
      closedReason: 'The council agreed to our demands.',
    });
    const reopened = await api().campaigns.reopen({ id, updatedAt: closed.updatedAt });
    expect(reopened.status).toBe('active');
    const { entries } = await api().audit.list({ section: 'campaigns' });
    expect(entries.slice(0, 3).map((e) => e.summary)).toEqual([
      'Reopened the campaign “Close me”',
      'Closed the campaign “Close me”: “The council agreed to our demands.”',
      'Launched the campaign “Close me”',
    ]);
  });
});

describe('who may do what', () => {
  it('lets a viewer read campaigns but not change them', async () => {
    const viewer = s().as(await s().sessionFor('viewer'));
    const [first] = (await viewer.campaigns.list({})).campaigns;
    const opened = await viewer.campaigns.get({ id: first!.id });
    await expect(viewer.campaigns.create(water())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      viewer.campaigns.update({ ...asEdit(opened), id: opened.id, updatedAt: opened.updatedAt }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      viewer.campaigns.launch({ id: opened.id, updatedAt: opened.updatedAt }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const campaigner = s().as(await s().sessionFor('campaigner'));
    expect((await campaigner.campaigns.create(water())).status).toBe('draft');
  });
});

describe('the pickers and the topics', () => {
  it('offers news items by part of their title', async () => {
    const found = await api().campaigns.articleChoices({ q: 'RIVERS' });
    expect(found.map((a) => a.title)).toEqual(['Rivers run dry in Cusco']);
  });

  it('counts the campaigns a topic is given to, and will not delete it while they carry it', async () => {
    const topic = (await api().topics.list()).find((t) => t.slug === 'water-rights');
    expect(topic?.campaigns).toBeGreaterThan(0);
    await expect(api().topics.delete({ slug: 'water-rights' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`${topic!.campaigns} campaigns`),
    });
  });
});
