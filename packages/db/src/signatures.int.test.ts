// Signing a petition through the unit of work on a real database: the unique index decides when one person posts
// many times at once (email variants), the per-address attempts and the token hashes are rows, and a confirmation
// link is only as good as its hash and its expiry. Runs on SQLite by default and on PostgreSQL when
// TEST_POSTGRES_URL is set.
import { createHash } from 'node:crypto';
import {
  confirmSignatureByLink,
  defaultSigningLimits,
  fixedClock,
  signatureInputSchemaFor,
  signatureTokenExpiresAt,
  signingConsents,
  signPetition,
  type Campaign,
  type SigningPorts,
} from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from './ids.js';
import {
  countConfirmedSignatures,
  findSignatureById,
  insertCampaign,
  insertSignatureToken,
  signatureRepositories,
} from './repositories/campaigns.js';
import { milestoneRepositories } from './repositories/milestone-emails.js';
import { contentVersion } from './repositories/settings.js';
import { createTestDatabase, testDialect, type TestDatabase } from './testing.js';
import { nobody, runUnitOfWork } from './unit-of-work.js';

const clock = fixedClock('2026-12-03T10:00:00.000Z');
let t: TestDatabase;
const sent: { kind: string; signatureId: string }[] = [];
const campaign: Campaign = {
  id: 'camp-sign',
  status: 'active',
  petition: { target: 'The Minister', signatureGoal: 10, deadline: null },
  translations: {
    es: { slug: 'agua-limpia', title: 'Agua limpia', summary: '', body: '', petitionText: 'Pedimos agua.' },
  },
  milestones: [],
  closedAt: null,
  closedReason: null,
  createdAt: clock.now(),
  updatedAt: clock.now(),
};

const ports = (trx: TestDatabase['db']): SigningPorts => ({
  ...signatureRepositories(trx),
  emails: {
    confirmation: async (s) => void sent.push({ kind: 'confirmation', signatureId: s.id }),
    alreadySigned: async (s) => void sent.push({ kind: 'already-signed', signatureId: s.id }),
  },
  clock,
  ids: randomIds,
});

const sign = (email: string, addressHash: string | null = null) =>
  runUnitOfWork(t.db, { clock, actor: nobody }, (trx) =>
    signPetition(ports(trx), {
      campaignId: campaign.id,
      language: 'es',
      input: signatureInputSchemaFor('es').parse({ name: 'Luz', email, country: 'PE', consent: true }),
      consents: signingConsents('es', 'Ayni'),
      source: null,
      addressHash,
      limits: defaultSigningLimits,
    }),
  );

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

beforeAll(async () => {
  t = await createTestDatabase();
  await insertCampaign(t.db, campaign);
});
afterAll(async () => {
  await t?.cleanup();
});

describe(`signing a petition on ${testDialect()}`, () => {
  it('keeps one signature when one person posts 20 times at once with variants of a Gmail address', async () => {
    const variants = Array.from({ length: 20 }, (_, i) =>
      i % 2 ? `luz.quispe+${i}@gmail.com` : `L.U.Z.Quispe@GoogleMail.com`,
    );
    const results = await Promise.all(variants.map((email) => sign(email)));
    const ids = new Set(results.map((r) => r.result.signatureId));
    expect(ids.size).toBe(1);
    const rows = await t.db
      .selectFrom('signatures')
      .select(['id', 'status', 'emails_sent'])
      .where('canonical_email', '=', 'luzquispe@gmail.com')
      .execute();
    expect(rows).toEqual([{ id: [...ids][0], status: 'pending', emails_sent: 5 }]);
    expect(results.map((r) => r.result.outcome).filter((o) => o === 'emailed')).toHaveLength(1);
    expect(sent.filter((m) => m.signatureId === rows[0]!.id)).toHaveLength(5);
  });

  it('does not change the site’s content version, and counts only once confirmed through a valid link', async () => {
    const before = await contentVersion(t.db);
    const { result } = await sign('ana@example.pe');
    expect(await contentVersion(t.db)).toBe(before);
    await insertSignatureToken(t.db, {
      signatureId: result.signatureId,
      tokenHash: hash('token-ana'),
      createdAt: clock.now(),
      expiresAt: signatureTokenExpiresAt(clock.now()),
    });
    const confirm = (token: string, at = clock) =>
      runUnitOfWork(t.db, { clock: at, actor: nobody }, (trx) =>
        confirmSignatureByLink(
          {
            ...ports(trx),
            ...milestoneRepositories(trx),
            announcements: { reached: async () => {} },
            clock: at,
          },
          { tokenHash: hash(token) },
        ),
      );
    expect((await confirm('token-wrong')).result.status).toBe('invalid');
    // 30 days later the link no longer works.
    expect((await confirm('token-ana', fixedClock('2027-01-02T10:00:01.000Z'))).result.status).toBe(
      'invalid',
    );
    expect(await countConfirmedSignatures(t.db, campaign.id)).toBe(0);
    expect((await confirm('token-ana')).result).toMatchObject({ status: 'confirmed', now: true });
    expect((await confirm('token-ana')).result).toMatchObject({ status: 'confirmed', now: false });
    expect(await countConfirmedSignatures(t.db, campaign.id)).toBe(1);
    expect((await findSignatureById(t.db, result.signatureId))?.confirmedAt).toEqual(clock.now());
    expect(await contentVersion(t.db)).toBe(before);
  });

  it('holds the second new signature from one address within the minute, and keeps only a hash of it', async () => {
    expect((await sign('one@example.org', 'addr-hash-1')).result.outcome).toBe('emailed');
    const second = await sign('two@example.org', 'addr-hash-1');
    expect(second.result.outcome).toBe('held');
    expect(await findSignatureById(t.db, second.result.signatureId)).toMatchObject({
      status: 'held',
      emailsSent: 0,
    });
    const attempts = await t.db
      .selectFrom('signing_attempts')
      .select(['address_hash'])
      .where('campaign_id', '=', campaign.id)
      .execute();
    expect(attempts).toEqual([{ address_hash: 'addr-hash-1' }, { address_hash: 'addr-hash-1' }]);
  });

  it('counts an address’s attempts for every limit’s window in one read', async () => {
    const { attempts } = signatureRepositories(t.db);
    const at = (seconds: number) => new Date(clock.now().getTime() - seconds * 1000);
    for (const secondsAgo of [400, 250, 100, 30, 0])
      await attempts.record(campaign.id, 'addr-hash-2', at(secondsAgo));
    await attempts.record(campaign.id, 'addr-hash-other', at(10));
    await insertCampaign(t.db, { ...campaign, id: 'camp-other', translations: {} });
    await attempts.record('camp-other', 'addr-hash-2', at(10));
    expect(await attempts.countSince(campaign.id, 'addr-hash-2', [at(60), at(300)])).toEqual([2, 4]);
    expect(await attempts.countSince(campaign.id, 'addr-hash-2', [at(300), at(60), at(500)])).toEqual([
      4, 2, 5,
    ]);
    expect(await attempts.countSince(campaign.id, 'addr-hash-none', [at(60), at(300)])).toEqual([0, 0]);
    expect(await attempts.countSince(campaign.id, 'addr-hash-2', [])).toEqual([]);
  });
});
