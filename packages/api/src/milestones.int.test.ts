// Marking a milestone reached through the admin API with real sessions: a campaigner marks it (audited in a
// sentence, the milestone reached, ONE fan-out of its emails queued); a second mark is CONFLICT and queues nothing
// more; a viewer is refused; an unknown milestone is NOT_FOUND. SQLite by default, PostgreSQL with TEST_POSTGRES_URL.
import { findCampaignById, insertCampaign, listAudit } from '@ayni/db';
import { aCampaign, aMilestone } from '@ayni/db/testing';
import { fixedClock } from '@ayni/domain';
import { describe, expect, it } from 'vitest';
import { ownerApiForThisFile } from './testing/owner-api.js';

const clock = fixedClock('2026-12-05T12:00:00.000Z');
const { s } = ownerApiForThisFile(clock);

const water = aCampaign('camp-water', {
  translations: {
    en: { slug: 'water-is-life', title: 'Water is life', summary: '', body: '', petitionText: 'We ask.' },
  },
  milestones: [
    aMilestone('ms-500', {
      signatureThreshold: 500,
      translations: { en: { title: '500 signatures', description: '' } },
    }),
  ],
});

const as = async (role: 'campaigner' | 'viewer') => s().as(await s().sessionFor(role));

const fanOuts = async () =>
  (await s().queue.queued(100)).filter((j) => j.name === 'campaign.milestone-emails').length;

describe('milestones.markReached', () => {
  it('marks the milestone reached, audited in a sentence, with one fan-out of its emails queued', async () => {
    await insertCampaign(s().t.db, water);
    const campaigner = await as('campaigner');
    const marked = await campaigner.milestones.markReached({ campaignId: water.id, milestoneId: 'ms-500' });
    expect(marked).toEqual({ campaignId: water.id, milestoneId: 'ms-500', reachedAt: clock.now() });
    const stored = await findCampaignById(s().t.db, water.id);
    expect(stored!.milestones[0]).toMatchObject({ reached: true, reachedAt: clock.now() });
    const [entry] = await listAudit(s().t.db, { limit: 1 });
    expect(entry).toMatchObject({
      actorEmail: 'campaigner@example.org',
      action: 'campaign.milestone-reached',
      resourceType: 'campaign',
      resourceId: water.id,
      summary: 'Marked the milestone “500 signatures” of “Water is life” reached',
    });
    expect(await fanOuts()).toBe(1);

    await expect(
      campaigner.milestones.markReached({ campaignId: water.id, milestoneId: 'ms-500' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'The milestone “500 signatures” is already reached: its emails have gone out',
    });
    expect(await fanOuts()).toBe(1);
  });

  it('refuses a viewer, and says when the milestone is not there', async () => {
    const viewer = await as('viewer');
    await expect(
      viewer.milestones.markReached({ campaignId: water.id, milestoneId: 'ms-500' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      s().api().milestones.markReached({ campaignId: water.id, milestoneId: 'ms-none' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Milestone not found' });
  });
});
