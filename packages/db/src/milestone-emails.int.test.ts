// A milestone's reaching and its emails' bookkeeping on a real database: confirmations at once that cross a
// threshold reach it once (and queue one fan-out); the signers to email are the confirmed ones with the updates
// consent not withdrawn, in keyset batches; each (milestone, signature) is recorded once; withdrawing is recorded
// with its time, once, and the signature stays; the records go with their milestone. Runs on SQLite by default and
// on PostgreSQL when TEST_POSTGRES_URL is set.
import {
  confirmSignatureByLink,
  fixedClock,
  signatureTokenExpiresAt,
  stopCampaignUpdates,
  type Signature,
} from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countConfirmedSignatures,
  findCampaignById,
  insertCampaign,
  insertSignature,
  insertSignatureToken,
  listStaffSignatures,
  signatureRepositories,
  updateCampaign,
} from './repositories/campaigns.js';
import {
  countMilestoneEmails,
  findReachedMilestone,
  insertUnsubscribeToken,
  listMilestoneRecipients,
  milestoneRepositories,
  recordMilestoneEmail,
  wantsCampaignUpdates,
} from './repositories/milestone-emails.js';
import { hashToken } from './tokens.js';
import {
  aCampaign,
  aMilestone,
  aSignature as signature,
  createTestDatabase,
  testDialect,
  type TestDatabase,
} from './testing.js';
import { nobody, runUnitOfWork } from './unit-of-work.js';

const clock = fixedClock('2026-12-04T10:00:00.000Z');
let t: TestDatabase;

const milestone = (id: string, signatureThreshold: number | null) =>
  aMilestone(id, {
    signatureThreshold,
    translations: { en: { title: `${id} signatures`, description: '' } },
  });

const campaign = aCampaign('camp-m', {
  translations: {
    en: { slug: 'water', title: 'Water is life', summary: '', body: '', petitionText: 'We ask.' },
  },
  milestones: [milestone('m-5', 5), milestone('m-hand', null)],
});

const aSignature = (id: string, overrides: Partial<Signature> = {}) => signature(id, campaign.id, overrides);

const announced: string[] = [];
const confirm = (token: string) =>
  runUnitOfWork(t.db, { clock, actor: nobody }, (trx) =>
    confirmSignatureByLink(
      {
        ...signatureRepositories(trx),
        ...milestoneRepositories(trx),
        announcements: { reached: async (_c, m) => void announced.push(m.id) },
        clock,
      },
      { tokenHash: hashToken(token) },
    ),
  );

beforeAll(async () => {
  t = await createTestDatabase();
  await insertCampaign(t.db, campaign);
});
afterAll(async () => {
  await t?.cleanup();
});

describe(`milestone emails on ${testDialect()}`, () => {
  it('reaches a threshold once, and surely, when the confirmations that bring the count to it arrive at once', async () => {
    await insertSignature(t.db, aSignature('s-0', { status: 'confirmed', confirmedAt: clock.now() }));
    for (const n of [1, 2, 3, 4]) {
      await insertSignature(t.db, aSignature(`s-${n}`));
      await insertSignatureToken(t.db, {
        signatureId: `s-${n}`,
        tokenHash: hashToken(`token-${n}`),
        createdAt: clock.now(),
        expiresAt: signatureTokenExpiresAt(clock.now()),
      });
    }
    const results = await Promise.all([1, 2, 3, 4].map((n) => confirm(`token-${n}`)));
    expect(results.every((r) => r.result.status === 'confirmed')).toBe(true);
    expect(await countConfirmedSignatures(t.db, campaign.id)).toBe(5);
    expect(announced).toEqual(['m-5']);
    const stored = await findCampaignById(t.db, campaign.id);
    expect(stored!.milestones.map((m) => [m.id, m.reached, m.reachedAt])).toEqual([
      ['m-5', true, clock.now()],
      ['m-hand', false, null],
    ]);
    expect(await findReachedMilestone(t.db, 'm-5')).toEqual({ id: 'm-5', campaignId: campaign.id });
    expect(await findReachedMilestone(t.db, 'm-hand')).toBeNull();
  });

  it('lists the confirmed signers who want news, in keyset batches, and records each once', async () => {
    await insertSignature(t.db, aSignature('s-5', { status: 'confirmed', updatesConsent: null }));
    await insertSignature(t.db, aSignature('s-6', { status: 'held' }));
    await insertSignature(t.db, aSignature('s-7', { status: 'rejected', confirmedAt: clock.now() }));
    const first = await listMilestoneRecipients(t.db, campaign.id, null, 3);
    expect(first.map((r) => r.signatureId)).toEqual(['s-0', 's-1', 's-2']);
    const rest = await listMilestoneRecipients(t.db, campaign.id, 's-2', 3);
    expect(rest).toEqual([
      { signatureId: 's-3', name: 'Signer s-3', email: 's-3@example.org', language: 'en' },
      expect.objectContaining({ signatureId: 's-4' }),
    ]);
    expect(await listMilestoneRecipients(t.db, campaign.id, 's-4', 3)).toEqual([]);
    expect(await recordMilestoneEmail(t.db, 'm-5', 's-0', clock.now())).toBe(true);
    expect(await recordMilestoneEmail(t.db, 'm-5', 's-0', clock.now())).toBe(false);
    const racing = await Promise.all([1, 2].map(() => recordMilestoneEmail(t.db, 'm-5', 's-1', clock.now())));
    expect(racing.sort()).toEqual([false, true]);
    expect(await countMilestoneEmails(t.db, 'm-5')).toBe(2);
  });

  it('withdraws a signer’s updates consent from an unsubscribe link, once, with the time; the signature stays', async () => {
    await insertUnsubscribeToken(t.db, {
      signatureId: 's-2',
      tokenHash: hashToken('unsub-2'),
      createdAt: clock.now(),
    });
    const later = fixedClock('2026-12-05T08:00:00.000Z');
    const stop = (token: string) =>
      runUnitOfWork(t.db, { clock: later, actor: nobody }, (trx) =>
        stopCampaignUpdates(
          { ...milestoneRepositories(trx), campaigns: signatureRepositories(trx).campaigns, clock: later },
          { tokenHash: hashToken(token) },
        ),
      );
    expect((await stop('unsub-2')).result).toMatchObject({ status: 'stopped', now: true });
    expect((await stop('unsub-2')).result).toMatchObject({ status: 'stopped', now: false });
    expect((await stop('nope')).result).toEqual({ status: 'invalid' });
    const row = await t.db
      .selectFrom('signatures')
      .select(['status', 'updates_consent_statement', 'updates_withdrawn_at'])
      .where('id', '=', 's-2')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('confirmed');
    expect(row.updates_consent_statement).toBe('Keep me updated.');
    expect(new Date(row.updates_withdrawn_at!).toISOString()).toBe('2026-12-05T08:00:00.000Z');
    expect(await wantsCampaignUpdates(t.db, 's-2')).toBe(false);
    const staffList = await listStaffSignatures(t.db, { campaignId: campaign.id, limit: 20 });
    expect(staffList.find((s) => s.id === 's-2')?.updatesConsent).toBe(false);
    expect(staffList.find((s) => s.id === 's-3')?.updatesConsent).toBe(true);
    expect(await wantsCampaignUpdates(t.db, 's-3')).toBe(true);
    expect((await listMilestoneRecipients(t.db, campaign.id, null, 10)).map((r) => r.signatureId)).toEqual([
      's-0',
      's-1',
      's-3',
      's-4',
    ]);
    // s-0 to s-4, and s-5 (confirmed, without the updates consent).
    expect(await countConfirmedSignatures(t.db, campaign.id)).toBe(6);
  });

  it('keeps who was emailed about a milestone across an edit of the campaign, and drops it with the milestone', async () => {
    const stored = (await findCampaignById(t.db, campaign.id))!;
    await updateCampaign(t.db, { ...stored, milestones: [...stored.milestones, milestone('m-new', null)] });
    expect(await countMilestoneEmails(t.db, 'm-5')).toBe(2);
    await updateCampaign(t.db, { ...stored, milestones: stored.milestones.filter((m) => m.id !== 'm-5') });
    expect(await countMilestoneEmails(t.db, 'm-5')).toBe(0);
  });
});
