// The campaign editor's use cases against in-memory ports (the real ones are tested in packages/db and packages/api).
import { describe, expect, it } from 'vitest';
import { memoryTopics } from '../test-helpers.js';
import { defaultSettings } from '../settings/schema.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import { sequentialIds } from '../shared/ids.js';
import type { Topic } from '../topics/schema.js';
import {
  closeCampaign,
  createCampaign,
  launchCampaign,
  reopenCampaign,
  saveCampaignEdits,
  type CampaignEditingPorts,
} from './editing.js';
import type { CampaignEditingRepository, CampaignLinks } from './ports.js';
import { campaignEditSchema, type Campaign, type CampaignEditInput } from './schema.js';

function memory() {
  const rows = new Map<string, Campaign>();
  const links = new Map<string, CampaignLinks>();
  const topics = new Map<string, Topic>();
  const articles = new Set(['art-news', 'art-update']);
  const slugTaken = (c: Campaign) =>
    [...rows.values()].some(
      (o) =>
        o.id !== c.id &&
        (['en', 'es'] as const).some(
          (l) => o.translations[l] && o.translations[l]?.slug === c.translations[l]?.slug,
        ),
    );
  const repo: CampaignEditingRepository = {
    findById: async (id) => rows.get(id) ?? null,
    slugsLike: async (language, base) =>
      new Set(
        [...rows.values()]
          .map((c) => c.translations[language]?.slug)
          .filter((s): s is string => s === base || !!s?.startsWith(`${base}-`)),
      ),
    insert: async (c) => {
      if (slugTaken(c)) throw new DomainError('CONFLICT', 'slug taken', { field: 'slug' });
      rows.set(c.id, c);
    },
    update: async (c, expected) => {
      if (rows.get(c.id)?.updatedAt.getTime() !== expected.getTime()) {
        throw new DomainError('STALE_VERSION', 'stale');
      }
      rows.set(c.id, c);
    },
    links: async (id) => links.get(id) ?? { related: [], updates: [], topics: [] },
    setLinks: async (id, l) => void links.set(id, l),
    existingArticles: async (ids) => new Set(ids.filter((id) => articles.has(id))),
  };
  const topicRepo = memoryTopics(topics);
  return { repo, topicRepo, rows, links };
}

let now = new Date('2026-12-04T10:00:00.000Z');
const clock: Clock = { now: () => new Date(now) };

function setUp() {
  const m = memory();
  /** The confirmed count, the milestones marked reached, and the milestones whose emails were queued. */
  const signing = { confirmed: 0, marked: [] as string[], announced: [] as string[] };
  const ports: CampaignEditingPorts = {
    campaigns: m.repo,
    signatures: { countConfirmed: async () => signing.confirmed },
    milestones: {
      markReached: async (id) => {
        if (signing.marked.includes(id)) return false;
        signing.marked.push(id);
        return true;
      },
      holdThresholds: async () => undefined,
    },
    announcements: { reached: async (_campaign, milestone) => void signing.announced.push(milestone.id) },
    topics: m.topicRepo,
    settings: { get: async () => ({ ...defaultSettings, timeZone: 'America/Lima' }) },
    clock,
    ids: sequentialIds('id'),
  };
  return { ...m, ports, signing };
}

const edit = (input: Partial<CampaignEditInput> = {}) =>
  campaignEditSchema.parse({
    translations: {
      en: {
        title: 'Water is life',
        summary: 'Clean water for Cusco',
        body: 'The story',
        petitionText: 'We ask…',
      },
      es: { title: 'El agua es vida', summary: '', body: '', petitionText: 'Pedimos…' },
    },
    petition: { target: 'The Minister', signatureGoal: 1000, deadline: '2027-01-31T23:59:00Z' },
    milestones: [
      {
        date: '2026-12-20',
        signatureThreshold: 500,
        translations: { en: { title: '500 signatures' }, es: { title: '500 firmas' } },
      },
    ],
    relatedArticleIds: ['art-news'],
    updateArticleIds: ['art-update'],
    topics: ['Water'],
    ...input,
  });

async function created() {
  const s = setUp();
  const { result, audit, touches } = await createCampaign(s.ports, { edit: edit() });
  return { ...s, campaign: result.campaign, audit, touches };
}

describe('creating a campaign', () => {
  it('is a draft with slugs made from the titles, its milestones unreached, and its links saved', async () => {
    const { campaign, audit, touches, links } = await created();
    expect(campaign.status).toBe('draft');
    expect(campaign.translations.en?.slug).toBe('water-is-life');
    expect(campaign.translations.es?.slug).toBe('el-agua-es-vida');
    expect(campaign.milestones).toEqual([
      expect.objectContaining({ reached: false, reachedAt: null, signatureThreshold: 500 }),
    ]);
    expect(links.get(campaign.id)).toEqual({
      related: ['art-news'],
      updates: ['art-update'],
      topics: ['water'],
    });
    expect(audit?.summary).toBe('Created the campaign “Water is life” in English and Spanish');
    // A draft is on no page.
    expect(touches).toEqual([]);
  });

  it('gives a second campaign of the same title a free slug, and never a reserved one', async () => {
    const s = await created();
    const second = await createCampaign(s.ports, { edit: edit() });
    expect(second.result.campaign.translations.en?.slug).toBe('water-is-life-2');
    const confirm = await createCampaign(s.ports, {
      edit: edit({ translations: { en: { title: 'Confirm' } }, petition: null }),
    });
    expect(confirm.result.campaign.translations.en?.slug).toBe('confirm-2');
  });

  it('refuses an article that does not exist, naming the picker', async () => {
    const s = setUp();
    await expect(
      createCampaign(s.ports, { edit: edit({ updateArticleIds: ['gone'] }) }),
    ).rejects.toMatchObject({ code: 'VALIDATION', field: 'updateArticleIds' });
  });
});

describe('editing a campaign', () => {
  it('refuses a save made on a copy someone else has saved since', async () => {
    const { ports, campaign } = await created();
    const opened = campaign.updatedAt;
    await saveCampaignEdits(ports, { id: campaign.id, expectedUpdatedAt: opened, edit: edit() });
    await expect(
      saveCampaignEdits(ports, { id: campaign.id, expectedUpdatedAt: opened, edit: edit() }),
    ).rejects.toMatchObject({
      code: 'STALE_VERSION',
      message: expect.stringContaining('campaign was changed'),
    });
  });

  it('keeps whether a milestone was reached, starts new and foreign ones unreached, and ignores “reached” sent in', async () => {
    const { ports, campaign, rows } = await created();
    const reachedAt = new Date('2026-12-03T09:00:00.000Z');
    const stored = { ...campaign, milestones: [{ ...campaign.milestones[0]!, reached: true, reachedAt }] };
    rows.set(campaign.id, stored);
    const milestone = stored.milestones[0]!;
    const { result } = await saveCampaignEdits(ports, {
      id: campaign.id,
      expectedUpdatedAt: stored.updatedAt,
      edit: edit({
        milestones: [
          {
            id: 'someone-elses',
            reached: true,
            translations: { en: { title: 'New' }, es: { title: 'Nuevo' } },
          },
          {
            id: milestone.id,
            reached: false,
            signatureThreshold: 600,
            translations: { en: { title: '600 signatures' }, es: { title: '600 firmas' } },
          },
        ],
      }),
    });
    const [fresh, kept] = result.campaign.milestones;
    expect(fresh).toMatchObject({ reached: false, reachedAt: null });
    expect(fresh?.id).not.toBe('someone-elses');
    expect(kept).toMatchObject({ id: milestone.id, reached: true, reachedAt, signatureThreshold: 600 });
  });

  it('marks reached, once, a milestone whose saved threshold the confirmed count has already passed, and queues its emails', async () => {
    const { ports, campaign, signing } = await created();
    signing.confirmed = 700;
    const [fiveHundred] = campaign.milestones;
    const milestones = [
      { id: fiveHundred!.id, signatureThreshold: 500, translations: fiveHundred!.translations },
      {
        signatureThreshold: 1000,
        translations: { en: { title: '1,000 signatures' }, es: { title: '1.000 firmas' } },
      },
    ];
    const first = await saveCampaignEdits(ports, {
      id: campaign.id,
      expectedUpdatedAt: campaign.updatedAt,
      edit: edit({ milestones }),
    });
    expect(first.result.campaign.milestones.map((m) => [m.signatureThreshold, m.reached])).toEqual([
      [500, true],
      [1000, false],
    ]);
    expect(first.result.campaign.milestones[0]?.reachedAt).toEqual(now);
    expect(signing.announced).toEqual([fiveHundred!.id]);
    expect(first.audit?.summary).toMatch(/; its signatures reached “500 signatures”$/);

    const again = await saveCampaignEdits(ports, {
      id: campaign.id,
      expectedUpdatedAt: first.result.campaign.updatedAt,
      edit: edit({ milestones: first.result.campaign.milestones.map((m) => ({ ...m, date: null })) }),
    });
    expect(signing.announced).toEqual([fiveHundred!.id]);
    expect(again.audit?.summary).not.toContain('reached');
  });

  it('keeps the slug it had when the slug is left empty, and says what changed in the audit', async () => {
    const { ports, campaign } = await created();
    const { result, audit, touches } = await saveCampaignEdits(ports, {
      id: campaign.id,
      expectedUpdatedAt: campaign.updatedAt,
      edit: edit({
        topics: ['Water', 'Health'],
        relatedArticleIds: [],
        milestones: campaign.milestones.map((m) => ({ ...m, date: m.date?.toISOString() ?? null })),
      }),
    });
    expect(result.campaign.translations.en?.slug).toBe('water-is-life');
    expect(audit?.summary).toBe('Edited the campaign “Water is life” (related articles and topics)');
    expect(touches).toEqual([]);
  });
});

describe('launching, closing and reopening', () => {
  it('launches a draft, audited in words, and the campaign pages change', async () => {
    const { ports, campaign } = await created();
    const launched = await launchCampaign(ports, { id: campaign.id, expectedUpdatedAt: campaign.updatedAt });
    expect(launched.result.status).toBe('active');
    expect(launched.audit?.summary).toBe('Launched the campaign “Water is life”');
    expect(launched.touches).toEqual(['campaigns']);
    // The version moved on even though the clock did not.
    expect(launched.result.updatedAt.getTime()).toBeGreaterThan(campaign.updatedAt.getTime());
    await expect(
      launchCampaign(ports, { id: campaign.id, expectedUpdatedAt: launched.result.updatedAt }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('closes only with a reason in words, shown with the campaign', async () => {
    const { ports, campaign } = await created();
    const { result: active } = await launchCampaign(ports, {
      id: campaign.id,
      expectedUpdatedAt: campaign.updatedAt,
    });
    await expect(
      closeCampaign(ports, { id: campaign.id, expectedUpdatedAt: active.updatedAt, reason: '  ' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', field: 'reason' });
    const closed = await closeCampaign(ports, {
      id: campaign.id,
      expectedUpdatedAt: active.updatedAt,
      reason: ' The minister agreed to meet us. ',
    });
    expect(closed.result).toMatchObject({
      status: 'closed',
      closedReason: 'The minister agreed to meet us.',
    });
    expect(closed.audit?.summary).toBe(
      'Closed the campaign “Water is life”: “The minister agreed to meet us.”',
    );
  });

  it('reopens when the deadline is ahead; after it has passed, only with a new later deadline', async () => {
    const { ports, campaign } = await created();
    const { result: active } = await launchCampaign(ports, {
      id: campaign.id,
      expectedUpdatedAt: campaign.updatedAt,
    });
    const { result: closed } = await closeCampaign(ports, {
      id: campaign.id,
      expectedUpdatedAt: active.updatedAt,
      reason: 'Paused',
    });
    const reopened = await reopenCampaign(ports, { id: campaign.id, expectedUpdatedAt: closed.updatedAt });
    expect(reopened.result).toMatchObject({ status: 'active', closedReason: null, closedAt: null });
    expect(reopened.audit?.summary).toBe('Reopened the campaign “Water is life”');

    const { result: closedAgain } = await closeCampaign(ports, {
      id: campaign.id,
      expectedUpdatedAt: reopened.result.updatedAt,
      reason: 'The deadline passed.',
    });
    now = new Date('2027-02-15T12:00:00.000Z');
    try {
      const expectedUpdatedAt = closedAgain.updatedAt;
      await expect(reopenCampaign(ports, { id: campaign.id, expectedUpdatedAt })).rejects.toMatchObject({
        code: 'VALIDATION',
        message:
          'The petition’s deadline (31 Jan 2027, 18:59) has passed: give a new deadline later than now to reopen it',
        field: 'deadline',
      });
      await expect(
        reopenCampaign(ports, { id: campaign.id, expectedUpdatedAt, deadline: new Date('2027-02-01') }),
      ).rejects.toMatchObject({ message: 'Deadline must be later than now' });
      const later = await reopenCampaign(ports, {
        id: campaign.id,
        expectedUpdatedAt,
        deadline: new Date('2027-03-31T23:00:00.000Z'),
      });
      expect(later.result.petition?.deadline).toEqual(new Date('2027-03-31T23:00:00.000Z'));
      expect(later.audit?.summary).toBe(
        'Reopened the campaign “Water is life” with the new deadline 31 Mar 2027, 18:00',
      );
    } finally {
      now = new Date('2026-12-04T10:00:00.000Z');
    }
  });

  it('refuses a new deadline for a campaign without a petition', async () => {
    const s = setUp();
    const { result } = await createCampaign(s.ports, { edit: edit({ petition: null }) });
    const c = result.campaign;
    const active = (await launchCampaign(s.ports, { id: c.id, expectedUpdatedAt: c.updatedAt })).result;
    const closed = (
      await closeCampaign(s.ports, { id: c.id, expectedUpdatedAt: active.updatedAt, reason: 'Done' })
    ).result;
    await expect(
      reopenCampaign(s.ports, {
        id: c.id,
        expectedUpdatedAt: closed.updatedAt,
        deadline: new Date('2027-06-01'),
      }),
    ).rejects.toMatchObject({ field: 'deadline' });
  });
});
