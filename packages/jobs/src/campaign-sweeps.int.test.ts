// The campaign sweeps as the worker runs them (the "Regular checks" job): a campaign past its petition deadline is
// closed once, with its reason and audit entry, even with two sweeps at once; pending signatures older than 30 days
// go with their confirmation links (ON DELETE CASCADE), unless a link was sent in those 30 days (the person signed
// again), while confirmed, held and rejected ones stay; signers' hashed
// addresses older than 30 days and expired links go — more than one batch of each in a single run; a second run
// changes nothing. Runs on SQLite by default and on PostgreSQL when TEST_POSTGRES_URL is set.
import { findCampaignById, insertCampaign, partVersionKey } from '@ayni/db';
import { createTestDatabase, testDialect, type TestDatabase } from '@ayni/db/testing';
import { fixedClock, type Campaign } from '@ayni/domain';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignSweepers, closeCampaignsAtDeadline, SIGNING_DATA_BATCH } from './campaign-sweeps.js';
import type { JobContext } from './define.js';
import './registry.js';
import { sweepers, sweepJob } from './sweep.js';
import { outboxMailer } from './testing/helpers.js';

let t: TestDatabase;
const NOW = '2026-12-10T09:00:00.000Z';
const clock = fixedClock(NOW);
const DAY = 86_400_000;
/** `days` (and `ms`) before NOW, as the database stores an instant. */
const ago = (days: number, ms = 0) => new Date(Date.parse(NOW) - days * DAY - ms).toISOString();
const fromNow = (days: number) => new Date(Date.parse(NOW) + days * DAY).toISOString();

const logs: { level: number; msg: string }[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });

const ctx = (): JobContext => ({
  jobId: 'sweep',
  attempt: 1,
  db: t.db,
  dialect: t.dialect,
  clock,
  logger,
  queue: null as never,
  services: { mailer: outboxMailer() },
});

/** What the worker runs every minute: every registered sweeper, in order. */
const sweep = () => sweepJob.handler({}, ctx());

function aCampaign(id: string, overrides: Partial<Campaign> = {}): Campaign {
  return {
    id,
    status: 'active',
    translations: {
      en: { slug: id, title: `Campaign ${id}`, summary: '', body: '', petitionText: 'We ask.' },
    },
    petition: { target: 'The Minister', signatureGoal: 100, deadline: null },
    milestones: [],
    closedAt: null,
    closedReason: null,
    createdAt: new Date('2026-01-01T00:00:00.000Z'),
    updatedAt: new Date('2026-01-01T00:00:00.000Z'),
    ...overrides,
  };
}

const petition = (deadline: string | null) => ({
  target: 'The Minister',
  signatureGoal: 100,
  deadline: deadline === null ? null : new Date(deadline),
});

/** A signature row as signing leaves it (columns with defaults left to the database). */
function signatureRow(id: string, status: string, createdAt: string) {
  return {
    id,
    campaign_id: 'open',
    name: 'Luz',
    email: `${id}@example.pe`,
    canonical_email: `${id}@example.pe`,
    country: 'PE',
    consent_statement: 'I agree.',
    consent_version: 'v1',
    consent_given_at: createdAt,
    consent_source: 'form',
    status,
    confirmed_at: status === 'confirmed' ? createdAt : null,
    created_at: createdAt,
  };
}

async function insertInChunks<R>(rows: R[], insert: (chunk: R[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 200) await insert(rows.slice(i, i + 200));
}

const BULK = SIGNING_DATA_BATCH * 2 + 100;

beforeAll(async () => {
  t = await createTestDatabase();
  await insertCampaign(
    t.db,
    aCampaign('due', {
      petition: petition('2026-12-10T08:59:59.999Z'),
      translations: {
        en: {
          slug: 'clean-water',
          title: 'Clean water for Puno',
          summary: '',
          body: '',
          petitionText: 'We ask.',
        },
        es: {
          slug: 'agua-limpia',
          title: 'Agua limpia para Puno',
          summary: '',
          body: '',
          petitionText: 'Pedimos.',
        },
      },
    }),
  );
  await insertCampaign(t.db, aCampaign('at-deadline', { petition: petition(NOW) }));
  await insertCampaign(t.db, aCampaign('open', { petition: petition(fromNow(5)) }));
  await insertCampaign(t.db, aCampaign('no-deadline'));
  await insertCampaign(t.db, aCampaign('draft', { status: 'draft', petition: petition(ago(3)) }));
  await insertCampaign(
    t.db,
    aCampaign('won', {
      status: 'closed',
      petition: petition(ago(2)),
      closedAt: new Date(ago(20)),
      closedReason: 'The Minister agreed.',
    }),
  );

  const one = (id: string, status: string, createdAt: string) =>
    t.db
      .insertInto('signatures')
      .values(signatureRow(id, status, createdAt))
      .execute();
  await one('pending-31d', 'pending', ago(31));
  await one('pending-30d-1ms', 'pending', ago(30, 1));
  await one('pending-30d', 'pending', ago(30));
  await one('pending-29d', 'pending', ago(29));
  await one('confirmed-60d', 'confirmed', ago(60));
  await one('held-40d', 'held', ago(40));
  await one('rejected-50d', 'rejected', ago(50));
  await insertInChunks(
    Array.from({ length: BULK }, (_, i) => signatureRow(`old-${i}`, 'pending', ago(45, i))),
    (chunk) => t.db.insertInto('signatures').values(chunk).execute(),
  );

  const token = (hash: string, signatureId: string, expiresAt: string, createdAt = ago(31)) => ({
    token_hash: hash,
    signature_id: signatureId,
    created_at: createdAt,
    expires_at: expiresAt,
  });
  await t.db
    .insertInto('signature_tokens')
    .values([
      // The person signed again 5 days ago and was sent a new link, valid for 25 more days: the signature stays
      // while it is, though it was first made 31 days ago.
      token('resent-link-of-pending-31d', 'pending-31d', fromNow(25), ago(5)),
      // Sent 30 days and 1 ms ago: no longer keeps its signature.
      token('old-link-of-pending-30d-1ms', 'pending-30d-1ms', fromNow(1), ago(30, 1)),
      token('link-of-pending-29d', 'pending-29d', fromNow(1)),
      token('valid-link-of-confirmed', 'confirmed-60d', fromNow(1)),
      token('link-expiring-now', 'confirmed-60d', NOW),
      token('link-of-held', 'held-40d', fromNow(3)),
    ])
    .execute();
  await insertInChunks(
    Array.from({ length: BULK }, (_, i) => token(`expired-${i}`, 'confirmed-60d', ago(30, i))),
    (chunk) => t.db.insertInto('signature_tokens').values(chunk).execute(),
  );

  const attempt = (addressHash: string, at: string) => ({
    campaign_id: 'open',
    address_hash: addressHash,
    at,
  });
  await t.db
    .insertInto('signing_attempts')
    .values([
      attempt('addr-31d', ago(31)),
      // The same address twice at the same moment: rows without a key of their own.
      attempt('addr-twice', ago(40)),
      attempt('addr-twice', ago(40)),
      attempt('addr-30d-1ms', ago(30, 1)),
      attempt('addr-30d', ago(30)),
      attempt('addr-1d', ago(1)),
    ])
    .execute();
  await insertInChunks(
    Array.from({ length: BULK }, (_, i) => attempt(`addr-old-${i}`, ago(35, i))),
    (chunk) => t.db.insertInto('signing_attempts').values(chunk).execute(),
  );
});
afterAll(async () => {
  await t?.cleanup();
});

async function remaining() {
  const [signatures, tokens, attempts, campaigns, audits, campaignsVersion] = await Promise.all([
    t.db.selectFrom('signatures').select(['id', 'status']).orderBy('id').execute(),
    t.db
      .selectFrom('signature_tokens')
      .select(['token_hash', 'signature_id'])
      .orderBy('token_hash')
      .execute(),
    t.db.selectFrom('signing_attempts').select('address_hash').orderBy('address_hash').execute(),
    t.db.selectFrom('campaigns').select(['id', 'status']).orderBy('id').execute(),
    t.db
      .selectFrom('audit_log')
      .select(['action', 'resource_type', 'resource_id', 'summary', 'actor_id'])
      .execute(),
    t.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', partVersionKey('campaigns'))
      .executeTakeFirst(),
  ]);
  return {
    signatures,
    tokens,
    attempts: attempts.map((a) => a.address_hash),
    campaigns,
    audits,
    campaignsVersion,
  };
}

describe(`the campaign sweeps on ${testDialect()}`, () => {
  it('are part of the regular checks, each saying what it does', () => {
    const campaignOnes = sweepers.filter((s) => campaignSweepers.includes(s));
    expect(campaignOnes.map((s) => [s.name, s.does])).toEqual([
      ['close-campaigns-at-deadline', 'close the campaigns whose petition deadline has passed'],
      ['delete-unconfirmed-signatures', 'delete the unconfirmed signatures older than 30 days'],
      ['forget-signing-addresses', 'forget signers’ hashed addresses older than 30 days'],
      ['delete-expired-signature-links', 'delete the confirmation links that have expired'],
    ]);
  });

  it('close the campaign past its deadline once, even with two sweeps at once', async () => {
    expect((await remaining()).campaignsVersion).toBeUndefined();
    await Promise.all([closeCampaignsAtDeadline.sweep(ctx()), closeCampaignsAtDeadline.sweep(ctx())]);
    expect(await findCampaignById(t.db, 'due')).toMatchObject({
      status: 'closed',
      closedAt: new Date(NOW),
      closedReason: 'The deadline for signing passed.',
      updatedAt: new Date(NOW),
      // Nothing else of it is rewritten.
      translations: { en: { title: 'Clean water for Puno' }, es: { title: 'Agua limpia para Puno' } },
    });
    expect((await remaining()).audits).toEqual([
      {
        action: 'campaign.close',
        resource_type: 'campaign',
        resource_id: 'due',
        summary: 'Closed “Clean water for Puno” at its deadline',
        actor_id: null,
      },
    ]);
    // The campaign pages are marked changed, for the site's cache.
    expect((await remaining()).campaignsVersion).toEqual({ value: expect.any(String) });
  });

  it('leave exactly what should stay, in batches, and a second run changes nothing', async () => {
    const before = await remaining();
    expect(before.signatures).toHaveLength(7 + BULK);
    expect(before.tokens).toHaveLength(6 + BULK);
    expect(before.attempts).toHaveLength(6 + BULK);

    await sweep();
    const after = await remaining();
    expect(after.campaigns).toEqual([
      { id: 'at-deadline', status: 'active' },
      { id: 'draft', status: 'draft' },
      { id: 'due', status: 'closed' },
      { id: 'no-deadline', status: 'active' },
      { id: 'open', status: 'active' },
      { id: 'won', status: 'closed' },
    ]);
    expect(await findCampaignById(t.db, 'won')).toMatchObject({
      closedAt: new Date(ago(20)),
      closedReason: 'The Minister agreed.',
    });
    expect(after.signatures).toEqual([
      { id: 'confirmed-60d', status: 'confirmed' },
      { id: 'held-40d', status: 'held' },
      { id: 'pending-29d', status: 'pending' },
      { id: 'pending-30d', status: 'pending' },
      { id: 'pending-31d', status: 'pending' },
      { id: 'rejected-50d', status: 'rejected' },
    ]);
    expect(after.tokens).toEqual([
      { token_hash: 'link-expiring-now', signature_id: 'confirmed-60d' },
      { token_hash: 'link-of-held', signature_id: 'held-40d' },
      { token_hash: 'link-of-pending-29d', signature_id: 'pending-29d' },
      { token_hash: 'resent-link-of-pending-31d', signature_id: 'pending-31d' },
      { token_hash: 'valid-link-of-confirmed', signature_id: 'confirmed-60d' },
    ]);
    expect(after.attempts).toEqual(['addr-1d', 'addr-30d']);
    // Deleting is not audited: the one entry is still the closing.
    expect(after.audits).toHaveLength(1);
    expect(logs.filter((l) => l.level >= 40)).toEqual([]);
    expect(logs.filter((l) => l.msg.startsWith('Deleted') || l.msg.startsWith('Forgot'))).toEqual([
      expect.objectContaining({ msg: 'Deleted unconfirmed signatures', deleted: BULK + 1 }),
      expect.objectContaining({ msg: 'Forgot signers’ hashed addresses', deleted: BULK + 4 }),
      expect.objectContaining({ msg: 'Deleted expired confirmation links', deleted: BULK }),
    ]);

    const logged = logs.length;
    await sweep();
    expect(await remaining()).toEqual(after);
    expect(logs.slice(logged)).toEqual([]);
  });
});
