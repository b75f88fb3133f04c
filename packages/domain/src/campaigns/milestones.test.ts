// Reaching milestones by hand and by threshold, and stopping a signer's campaign news, on in-memory ports.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import {
  markMilestoneReached,
  milestonesReachedBy,
  milestoneTitle,
  reachMilestonesByCount,
  stopCampaignUpdates,
  type MilestonePorts,
} from './milestones.js';
import type { Campaign, Milestone } from './schema.js';

function aMilestone(id: string, overrides: Partial<Milestone> = {}): Milestone {
  return {
    id,
    date: null,
    reached: false,
    reachedAt: null,
    signatureThreshold: null,
    translations: {
      en: { title: `${id} signatures`, description: '' },
      es: { title: `${id} firmas`, description: '' },
    },
    ...overrides,
  };
}

const campaign: Campaign = {
  id: 'water',
  status: 'active',
  translations: {
    en: { slug: 'water', title: 'Water is life', summary: '', body: '', petitionText: 'We ask.' },
    es: { slug: 'agua', title: 'El agua es vida', summary: '', body: '', petitionText: 'Pedimos.' },
  },
  petition: { target: 'The Minister', signatureGoal: 1000, deadline: null },
  milestones: [
    aMilestone('500', { signatureThreshold: 500 }),
    aMilestone('100', { signatureThreshold: 100, reached: true }),
    aMilestone('hand'),
    aMilestone('250', { signatureThreshold: 250 }),
  ],
  closedAt: null,
  closedReason: null,
  createdAt: new Date('2026-01-01T00:00:00.000Z'),
  updatedAt: new Date('2026-01-01T00:00:00.000Z'),
};

function world(count = 0) {
  const clock = fixedClock('2026-12-04T10:00:00.000Z');
  const marked = new Map<string, Date>();
  const announced: string[] = [];
  const held: string[] = [];
  const ports: MilestonePorts & {
    campaigns: { findById(id: string): Promise<Campaign | null> };
    signatures: { countConfirmed(id: string): Promise<number> };
  } = {
    campaigns: { findById: async (id) => (id === campaign.id ? campaign : null) },
    signatures: { countConfirmed: async () => count },
    milestones: {
      holdThresholds: async (id) => void held.push(id),
      async markReached(id, at) {
        if (marked.has(id) || campaign.milestones.find((m) => m.id === id)?.reached) return false;
        marked.set(id, at);
        return true;
      },
    },
    announcements: { reached: async (_c, m) => void announced.push(m.id) },
    clock,
  };
  return { ports, marked, announced, held, clock };
}

describe('milestonesReachedBy', () => {
  it('is the milestones not reached yet whose threshold the count has got to', () => {
    expect(milestonesReachedBy(campaign, 99).map((m) => m.id)).toEqual([]);
    expect(milestonesReachedBy(campaign, 250).map((m) => m.id)).toEqual(['250']);
    expect(milestonesReachedBy(campaign, 10_000).map((m) => m.id)).toEqual(['500', '250']);
  });

  it('names a milestone for staff in English, else in its other language', () => {
    expect(milestoneTitle(aMilestone('7'))).toBe('7 signatures');
    expect(milestoneTitle({ translations: { es: { title: 'Siete', description: '' } } })).toBe('Siete');
  });
});

describe('reachMilestonesByCount', () => {
  it('marks each milestone the count reaches and queues one fan-out for each, once', async () => {
    const w = world(600);
    expect((await reachMilestonesByCount(w.ports, campaign)).map((m) => m.id)).toEqual(['500', '250']);
    expect(w.announced).toEqual(['500', '250']);
    expect(w.held).toEqual(['water']);
    expect(w.marked.get('500')).toEqual(w.clock.now());
    // A second confirmation that read the campaign before the first committed: nothing more.
    expect(await reachMilestonesByCount(w.ports, campaign)).toEqual([]);
    expect(w.announced).toEqual(['500', '250']);
  });

  it('below every threshold, reaches nothing', async () => {
    const w = world(249);
    expect(await reachMilestonesByCount(w.ports, campaign)).toEqual([]);
    expect(w.announced).toEqual([]);
  });

  it('neither holds nor counts for a campaign with no threshold left to reach', async () => {
    const w = world(10_000);
    const none = {
      ...campaign,
      milestones: campaign.milestones.filter((m) => m.signatureThreshold === null),
    };
    expect(await reachMilestonesByCount(w.ports, none)).toEqual([]);
    expect(w.held).toEqual([]);
  });
});

describe('markMilestoneReached', () => {
  it('marks it reached, queues its emails, is audited in a sentence and touches the campaign pages', async () => {
    const w = world();
    const done = await markMilestoneReached(w.ports, { campaignId: 'water', milestoneId: 'hand' });
    expect(done.result).toEqual({ campaignId: 'water', milestoneId: 'hand', reachedAt: w.clock.now() });
    expect(done.audit).toEqual({
      action: 'campaign.milestone-reached',
      resourceType: 'campaign',
      resourceId: 'water',
      summary: 'Marked the milestone “hand signatures” of “Water is life” reached',
    });
    expect(done.touches).toEqual(['campaigns']);
    expect(w.announced).toEqual(['hand']);
  });

  it('refuses a milestone already reached, or reached meanwhile, and sends nothing again', async () => {
    const w = world();
    const refusal = await markMilestoneReached(w.ports, { campaignId: 'water', milestoneId: '100' }).catch(
      (e: unknown) => e,
    );
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'CONFLICT',
      message: 'The milestone “100 signatures” is already reached: its emails have gone out',
    });
    await markMilestoneReached(w.ports, { campaignId: 'water', milestoneId: '500' });
    await expect(
      markMilestoneReached(w.ports, { campaignId: 'water', milestoneId: '500' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(w.announced).toEqual(['500']);
  });

  it('says which is missing: the campaign or the milestone', async () => {
    const w = world();
    await expect(
      markMilestoneReached(w.ports, { campaignId: 'x', milestoneId: '500' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Campaign not found',
    });
    await expect(
      markMilestoneReached(w.ports, { campaignId: 'water', milestoneId: 'x' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Milestone not found',
    });
  });
});

describe('stopCampaignUpdates', () => {
  function consents() {
    const withdrawn = new Map<string, Date>();
    return {
      withdrawn,
      ports: {
        campaigns: { findById: async (id: string) => (id === campaign.id ? campaign : null) },
        clock: fixedClock('2026-12-05T08:00:00.000Z'),
        consents: {
          findByUnsubscribeTokenHash: async (hash: string) =>
            hash === 'good'
              ? { signatureId: 'sig-1', campaignId: 'water', withdrawnAt: withdrawn.get('sig-1') ?? null }
              : null,
          async withdraw(id: string, at: Date) {
            if (withdrawn.has(id)) return false;
            withdrawn.set(id, at);
            return true;
          },
        },
      },
    };
  }

  it('withdraws the consent with the time, once; a second press is harmless', async () => {
    const c = consents();
    const first = await stopCampaignUpdates(c.ports, { tokenHash: 'good' });
    expect(first.result).toEqual({ status: 'stopped', campaign, now: true });
    expect(first.audit).toBeNull();
    expect(c.withdrawn.get('sig-1')).toEqual(new Date('2026-12-05T08:00:00.000Z'));
    expect((await stopCampaignUpdates(c.ports, { tokenHash: 'good' })).result).toEqual({
      status: 'stopped',
      campaign,
      now: false,
    });
  });

  it('explains a link that leads nowhere', async () => {
    const c = consents();
    expect((await stopCampaignUpdates(c.ports, { tokenHash: 'bad' })).result).toEqual({ status: 'invalid' });
    expect(c.withdrawn.size).toBe(0);
  });
});
