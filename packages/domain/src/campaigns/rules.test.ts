import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.js';
import { sequentialIds } from '../shared/ids.js';
import {
  assertCanSign,
  campaignTextIn,
  isCampaignOpen,
  confirmSignature,
  newSignature,
  nextMilestone,
  petitionProgress,
  transitionCampaign,
  type CampaignAction,
} from './rules.js';
import { signatureInputSchema, type Campaign, type CampaignStatus, type Milestone } from './schema.js';
import { catchError } from '../test-helpers.js';

const NOW = '2026-06-01T12:00:00.000Z';
const now = new Date(NOW);

function campaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 'camp-1',
    status: 'active',
    translations: {
      en: {
        slug: 'justice-for-puno',
        title: 'Justice for Puno',
        summary: 'Drop the charges against community leaders',
        body: '',
        petitionText: 'We call on the Public Prosecutor to drop the charges.',
      },
    },
    petition: {
      target: 'Public Prosecutor of Peru',
      signatureGoal: 1000,
      deadline: new Date('2026-06-30T23:00:00.000Z'),
    },
    milestones: [],
    closedAt: null,
    closedReason: null,
    createdAt: new Date('2026-05-01T00:00:00.000Z'),
    updatedAt: new Date('2026-05-01T00:00:00.000Z'),
    ...overrides,
  };
}

describe('assertCanSign', () => {
  it.each([
    ['active with a future deadline', campaign(), NOW, null],
    [
      'active with no deadline',
      campaign({ petition: { ...campaign().petition!, deadline: null } }),
      NOW,
      null,
    ],
    ['exactly at the deadline', campaign(), '2026-06-30T23:00:00.000Z', null],
    [
      'one millisecond after the deadline',
      campaign(),
      '2026-06-30T23:00:00.001Z',
      'The deadline for signing this petition has passed',
    ],
    ['draft', campaign({ status: 'draft' }), NOW, 'This petition is not open for signatures yet'],
    ['closed', campaign({ status: 'closed' }), NOW, 'This petition is closed'],
    ['without a petition', campaign({ petition: null }), NOW, 'This campaign has no petition to sign'],
  ])('%s', (_label, c, at, message) => {
    const run = () => assertCanSign(c, fixedClock(at));
    if (message === null) {
      expect(run()).toBeUndefined();
    } else {
      const error = catchError(run);
      expect([error.code, error.message]).toEqual(['INVALID_TRANSITION', message]);
    }
  });
});

describe('newSignature / confirmSignature', () => {
  const input = signatureInputSchema.parse({
    name: ' Ana Quispe ',
    email: ' Ana.Quispe+peru@GoogleMail.com ',
    country: 'pe',
    postcode: '',
    consent: true,
  });
  const consents = {
    signature: { statement: 'Keep my signature.', version: 'petition-v1' },
    updates: { statement: 'Email me news of this campaign.', version: 'updates-v1' },
  };
  const ctx = {
    clock: fixedClock(NOW),
    ids: sequentialIds('sig'),
    consents,
    language: 'es' as const,
    source: 'partner-newsletter',
  };

  it('creates a pending signature with a canonical email, its consent record, language and source', () => {
    expect(newSignature(campaign(), input, ctx)).toEqual({
      id: 'sig-1',
      campaignId: 'camp-1',
      name: 'Ana Quispe',
      email: 'Ana.Quispe+peru@GoogleMail.com',
      canonicalEmail: 'anaquispe@gmail.com',
      country: 'PE',
      postcode: null,
      consent: { statement: 'Keep my signature.', version: 'petition-v1', givenAt: now, source: 'form' },
      updatesConsent: null,
      status: 'pending',
      confirmedAt: null,
      createdAt: now,
      language: 'es',
      source: 'partner-newsletter',
      emailsSent: 0,
      heldReason: null,
    });
  });

  it('records the optional updates consent with its own statement and version when it is given', () => {
    const signature = newSignature(campaign(), { ...input, updates: true }, ctx);
    expect(signature.updatesConsent).toEqual({
      statement: 'Email me news of this campaign.',
      version: 'updates-v1',
      givenAt: now,
      source: 'form',
    });
    expect(signature.consent.version).toBe('petition-v1');
  });

  it('refuses when the campaign cannot be signed', () => {
    const error = catchError(() => newSignature(campaign({ status: 'closed' }), input, ctx));
    expect(error.code).toBe('INVALID_TRANSITION');
  });

  it('confirms once, then returns the same signature unchanged', () => {
    const pending = newSignature(campaign(), input, { ...ctx, ids: sequentialIds('sig') });
    const clock = fixedClock('2026-06-01T12:05:00.000Z');
    const confirmed = confirmSignature(pending, clock);
    expect(confirmed).toEqual({
      ...pending,
      status: 'confirmed',
      confirmedAt: new Date('2026-06-01T12:05:00.000Z'),
    });
    clock.advance(60_000);
    expect(confirmSignature(confirmed, clock)).toBe(confirmed);
  });

  it.each(['held', 'rejected'] as const)(
    'leaves a %s signature as it is when its link is opened',
    (status) => {
      const signature = { ...newSignature(campaign(), input, { ...ctx, ids: sequentialIds('sig') }), status };
      expect(confirmSignature(signature, fixedClock(NOW))).toBe(signature);
    },
  );
});

describe('petitionProgress', () => {
  it.each([
    [0, 1000, 0],
    [1, 1000, 0],
    [10, 1000, 1],
    [999, 1000, 99],
    [1000, 1000, 100],
    [2500, 1000, 100],
    [1, 3, 33],
    [5, 0, 0],
  ])('%d of %d → %d%%', (count, goal, percent) => {
    expect(petitionProgress(count, goal)).toEqual({ count, goal, percent });
  });

  it('never reports a negative count', () => {
    expect(petitionProgress(-3, 10)).toEqual({ count: 0, goal: 10, percent: 0 });
  });
});

describe('nextMilestone', () => {
  const m = (id: string, date: string | null, reached = false): Milestone => ({
    id,
    date: date === null ? null : new Date(date),
    reached,
    reachedAt: null,
    signatureThreshold: null,
    translations: { en: { title: id, description: '' } },
  });

  it.each([
    [[], null],
    [[m('a', '2026-01-01T00:00:00Z', true)], null],
    [
      [m('a', '2026-01-01T00:00:00Z', true), m('b', '2026-03-01T00:00:00Z'), m('c', '2026-02-01T00:00:00Z')],
      'c',
    ],
    [[m('a', null), m('b', '2026-09-01T00:00:00Z')], 'b'],
    [[m('a', null), m('b', null)], 'a'],
  ])('%# → %s', (milestones, expected) => {
    expect(nextMilestone(milestones)?.id ?? null).toBe(expected);
  });

  it('accepts a campaign', () => {
    expect(nextMilestone(campaign({ milestones: [m('x', null)] }))?.id).toBe('x');
  });
});

describe('transitionCampaign', () => {
  it.each([
    ['draft', 'launch', 'active'],
    ['active', 'close', 'closed'],
    ['closed', 'reopen', 'active'],
    ['active', 'launch', 'Cannot launch a campaign that is active'],
    ['draft', 'close', 'Cannot close a campaign that is draft'],
    ['active', 'reopen', 'Cannot reopen a campaign that is active'],
  ] as [CampaignStatus, CampaignAction, string][])('%s + %s → %s', (status, action, expected) => {
    const run = () => transitionCampaign(campaign({ status }), action, fixedClock(NOW));
    if (expected.startsWith('Cannot')) {
      const error = catchError(run);
      expect([error.code, error.message]).toEqual(['INVALID_TRANSITION', expected]);
    } else {
      const closedAt = action === 'close' ? now : null;
      expect(run()).toEqual(campaign({ status: expected as CampaignStatus, closedAt, updatedAt: now }));
    }
  });

  it('keeps why it closed, and forgets it on reopening', () => {
    const closed = transitionCampaign(
      campaign(),
      'close',
      fixedClock(NOW),
      '  Delivered to the Prosecutor. ',
    );
    expect([closed.closedAt, closed.closedReason]).toEqual([now, 'Delivered to the Prosecutor.']);
    const reopened = transitionCampaign(closed, 'reopen', fixedClock(NOW));
    expect([reopened.closedAt, reopened.closedReason]).toEqual([null, null]);
  });
});

describe('isCampaignOpen / campaignTextIn', () => {
  it('is open while active and not past its deadline (the deadline itself still open)', () => {
    expect(isCampaignOpen(campaign(), new Date('2026-06-30T23:00:00.000Z'))).toBe(true);
    expect(isCampaignOpen(campaign(), new Date('2026-06-30T23:00:00.001Z'))).toBe(false);
    expect(isCampaignOpen(campaign({ status: 'closed' }), now)).toBe(false);
  });

  it('gives the texts in the language asked for, else in the one the campaign has', () => {
    expect(campaignTextIn(campaign(), 'es')).toMatchObject({
      language: 'en',
      text: { slug: 'justice-for-puno' },
    });
    expect(campaignTextIn(campaign(), 'en').language).toBe('en');
  });
});
