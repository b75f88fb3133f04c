// The worker's campaign rules on in-memory ports: which campaigns close at their deadline, with what reason and
// audit note, closing once however often it runs; and the cut-offs the deletions use. The deleting itself (batches,
// links going with their signature) is tested on both databases in packages/jobs.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.js';
import type { CampaignDeadlines, SigningDataRetention } from './ports.js';
import {
  closeCampaignAtDeadline,
  DEADLINE_CLOSED_REASON,
  deleteExpiredSignatureLinks,
  deleteUnconfirmedSignatures,
  forgetSigningAddresses,
  isPastDeadline,
  signingAttemptCutoff,
} from './retention.js';
import type { Campaign } from './schema.js';

const DEADLINE = '2026-06-30T23:00:00.000Z';

function campaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 'camp-1',
    status: 'active',
    translations: {
      es: {
        slug: 'justicia-para-puno',
        title: 'Justicia para Puno',
        summary: '',
        body: '',
        petitionText: 'Pedimos…',
      },
      en: {
        slug: 'justice-for-puno',
        title: 'Justice for Puno',
        summary: '',
        body: '',
        petitionText: 'We call on…',
      },
    },
    petition: { target: 'Public Prosecutor', signatureGoal: 1000, deadline: new Date(DEADLINE) },
    milestones: [],
    closedAt: null,
    closedReason: null,
    createdAt: new Date('2026-05-01T00:00:00.000Z'),
    updatedAt: new Date('2026-05-01T00:00:00.000Z'),
    ...overrides,
  };
}

const withDeadline = (deadline: Date | null): Campaign =>
  campaign({ petition: { ...campaign().petition!, deadline } });

describe('isPastDeadline', () => {
  it.each([
    ['active, one millisecond after its deadline', campaign(), '2026-06-30T23:00:00.001Z', true],
    ['active, exactly at its deadline (signing still allowed)', campaign(), DEADLINE, false],
    ['active, before its deadline', campaign(), '2026-06-30T22:59:59.999Z', false],
    ['active with no deadline', withDeadline(null), '2027-01-01T00:00:00.000Z', false],
    ['active with no petition', campaign({ petition: null }), '2027-01-01T00:00:00.000Z', false],
    ['a draft past its deadline', campaign({ status: 'draft' }), '2027-01-01T00:00:00.000Z', false],
    ['closed already', campaign({ status: 'closed' }), '2027-01-01T00:00:00.000Z', false],
  ])('%s → %s', (_, c, now, expected) => {
    expect(isPastDeadline(c, new Date(now))).toBe(expected);
  });
});

/** Campaigns in memory; closeIfActive refuses one that is no longer active, as the database's update does. */
function deadlines(...initial: Campaign[]) {
  const stored = new Map(initial.map((c) => [c.id, c]));
  const campaigns: CampaignDeadlines = {
    findById: async (id) => stored.get(id) ?? null,
    async closeIfActive(closed) {
      if (stored.get(closed.id)?.status !== 'active') return false;
      stored.set(closed.id, closed);
      return true;
    },
  };
  return { stored, campaigns };
}

describe('closeCampaignAtDeadline', () => {
  const clock = fixedClock('2026-07-01T08:00:00.000Z');

  it('closes an active campaign past its deadline, now, with the reason, audited, touching the campaigns', async () => {
    const { stored, campaigns } = deadlines(campaign());
    const { result, audit, touches } = await closeCampaignAtDeadline({ campaigns, clock }, { id: 'camp-1' });
    expect(result).toMatchObject({
      status: 'closed',
      closedAt: clock.now(),
      closedReason: 'The deadline for signing passed.',
      updatedAt: clock.now(),
    });
    expect(stored.get('camp-1')).toEqual(result);
    // Staff text names the campaign by its English title when it has one.
    expect(audit).toEqual({
      action: 'campaign.close',
      resourceType: 'campaign',
      resourceId: 'camp-1',
      summary: 'Closed “Justice for Puno” at its deadline',
    });
    expect(touches).toEqual(['campaigns']);
    expect(DEADLINE_CLOSED_REASON).toBe('The deadline for signing passed.');
  });

  it('names a campaign written only in Spanish by its Spanish title', async () => {
    const spanish = campaign();
    delete spanish.translations.en;
    const { campaigns } = deadlines(spanish);
    const { audit } = await closeCampaignAtDeadline({ campaigns, clock }, { id: 'camp-1' });
    expect(audit?.summary).toBe('Closed “Justicia para Puno” at its deadline');
  });

  it('closes once: a second run changes nothing and writes no audit note', async () => {
    const { stored, campaigns } = deadlines(campaign());
    await closeCampaignAtDeadline({ campaigns, clock }, { id: 'camp-1' });
    const first = stored.get('camp-1');
    const later = fixedClock('2026-07-01T08:01:00.000Z');
    expect(await closeCampaignAtDeadline({ campaigns, clock: later }, { id: 'camp-1' })).toEqual({
      result: null,
      audit: null,
      touches: [],
    });
    expect(stored.get('camp-1')).toBe(first);
  });

  it('leaves alone what is not due, and one closed by someone else between reading and writing', async () => {
    const { stored, campaigns } = deadlines(
      { ...withDeadline(new Date('2026-08-01T00:00:00.000Z')), id: 'not-due' },
      { ...withDeadline(null), id: 'no-deadline' },
      { ...campaign({ status: 'draft' }), id: 'draft' },
    );
    for (const id of ['not-due', 'no-deadline', 'draft', 'missing']) {
      expect(await closeCampaignAtDeadline({ campaigns, clock }, { id })).toEqual({
        result: null,
        audit: null,
        touches: [],
      });
    }
    expect([...stored.values()].map((c) => c.status)).toEqual(['active', 'active', 'draft']);

    // Read as active, but staff closed it before the sweep's write: theirs stands, nothing audited.
    const raced: CampaignDeadlines = { findById: async () => campaign(), closeIfActive: async () => false };
    expect(await closeCampaignAtDeadline({ campaigns: raced, clock }, { id: 'camp-1' })).toEqual({
      result: null,
      audit: null,
      touches: [],
    });
  });
});

describe('the deletions', () => {
  const clock = fixedClock('2026-07-31T12:00:00.000Z');
  const calls: [string, string, number][] = [];
  const retention: SigningDataRetention = {
    deletePendingSignaturesBefore: async (cutoff, limit) => (
      calls.push(['signatures', cutoff.toISOString(), limit]),
      7
    ),
    deleteSigningAttemptsBefore: async (cutoff, limit) => (
      calls.push(['attempts', cutoff.toISOString(), limit]),
      3
    ),
    deleteSignatureTokensExpiredBefore: async (now, limit) => (
      calls.push(['tokens', now.toISOString(), limit]),
      0
    ),
  };

  it('forget signatures and addresses 30 days on and links once expired, unaudited, touching nothing', async () => {
    expect(await deleteUnconfirmedSignatures({ retention, clock }, { limit: 500 })).toEqual({
      result: 7,
      audit: null,
      touches: [],
    });
    expect(await forgetSigningAddresses({ retention, clock }, { limit: 500 })).toEqual({
      result: 3,
      audit: null,
      touches: [],
    });
    expect(await deleteExpiredSignatureLinks({ retention, clock }, { limit: 500 })).toEqual({
      result: 0,
      audit: null,
      touches: [],
    });
    expect(calls).toEqual([
      ['signatures', '2026-07-01T12:00:00.000Z', 500],
      ['attempts', '2026-07-01T12:00:00.000Z', 500],
      ['tokens', '2026-07-31T12:00:00.000Z', 500],
    ]);
    expect(signingAttemptCutoff(clock.now())).toEqual(new Date('2026-07-01T12:00:00.000Z'));
  });
});
