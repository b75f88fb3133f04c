// signPetition and confirmSignatureByLink on in-memory ports: what a signer causes (a signature, its emails) and
// never learns (whether the address had signed). The database's side — the unique index deciding a race, token
// hashes, attempts — is tested on both databases in packages/db.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.js';
import { sequentialIds } from '../shared/ids.js';
import { signingConsents } from './consent.js';
import { defaultSigningLimits, MAX_SIGNATURE_EMAILS } from './rules.js';
import { signatureInputSchemaFor, type Campaign, type Signature } from './schema.js';
import type { MilestonePorts } from './milestones.js';
import { confirmSignatureByLink, signPetition, type SigningPorts } from './service.js';

const campaign: Campaign = {
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
  },
  petition: { target: 'Fiscalía', signatureGoal: 100, deadline: null },
  milestones: [],
  closedAt: null,
  closedReason: null,
  createdAt: new Date('2026-05-01T00:00:00.000Z'),
  updatedAt: new Date('2026-05-01T00:00:00.000Z'),
};

function world() {
  const clock = fixedClock('2026-06-01T12:00:00.000Z');
  const signatures = new Map<string, Signature>();
  const tokens = new Map<string, string>();
  const attempts: { campaignId: string; addressHash: string; at: Date }[] = [];
  const sent: { kind: 'confirmation' | 'already-signed'; to: string; language: string }[] = [];
  const live = (s: Signature) => s.status !== 'rejected';
  const reached = new Set<string>();
  const announced: string[] = [];
  const ports: SigningPorts & Pick<MilestonePorts, 'milestones' | 'announcements'> = {
    campaigns: { findById: async (id) => (id === campaign.id ? { ...campaign, ...overrides } : null) },
    signatures: {
      findById: async (id) => signatures.get(id) ?? null,
      findLive: async (campaignId, canonical) =>
        [...signatures.values()].find(
          (s) => s.campaignId === campaignId && s.canonicalEmail === canonical && live(s),
        ) ?? null,
      async insertIfNew(signature) {
        if (await ports.signatures.findLive(signature.campaignId, signature.canonicalEmail)) return false;
        signatures.set(signature.id, signature);
        return true;
      },
      update: async (signature) =>
        void signatures.set(signature.id, {
          ...signature,
          emailsSent: signatures.get(signature.id)!.emailsSent,
        }),
      async claimEmail(id, max) {
        const signature = signatures.get(id)!;
        if (signature.emailsSent >= max) return false;
        signatures.set(id, { ...signature, emailsSent: signature.emailsSent + 1 });
        return true;
      },
      findByTokenHash: async (hash) => signatures.get(tokens.get(hash) ?? '') ?? null,
      countConfirmed: async (campaignId) =>
        [...signatures.values()].filter((s) => s.campaignId === campaignId && s.status === 'confirmed')
          .length,
    },
    attempts: {
      countSince: async (campaignId, addressHash, since) =>
        since.map(
          (from) =>
            attempts.filter(
              (a) => a.campaignId === campaignId && a.addressHash === addressHash && a.at >= from,
            ).length,
        ),
      record: async (campaignId, addressHash, at) => void attempts.push({ campaignId, addressHash, at }),
    },
    emails: {
      confirmation: async (s) => void sent.push({ kind: 'confirmation', to: s.email, language: s.language }),
      alreadySigned: async (s) =>
        void sent.push({ kind: 'already-signed', to: s.email, language: s.language }),
    },
    clock,
    ids: sequentialIds('sig'),
    milestones: {
      markReached: async (id) => !reached.has(id) && Boolean(reached.add(id)),
      holdThresholds: async () => {},
    },
    announcements: { reached: async (_c, milestone) => void announced.push(milestone.id) },
  };
  let overrides: Partial<Campaign> = {};
  return {
    ports,
    clock,
    signatures,
    sent,
    tokens,
    announced,
    setCampaign: (o: Partial<Campaign>) => void (overrides = o),
    sign: (fields: Record<string, unknown>, addressHash: string | null = null) =>
      signPetition(ports, {
        campaignId: 'camp-1',
        language: 'es',
        input: signatureInputSchemaFor('es').parse({ country: 'PE', consent: true, ...fields }),
        consents: signingConsents('es', 'Ayni Perú'),
        source: 'boletin',
        addressHash,
        limits: defaultSigningLimits,
      }),
  };
}

describe('signPetition', () => {
  it('makes a pending signature with both consents in Spanish and queues one confirmation in Spanish', async () => {
    const w = world();
    const { result, audit, touches } = await w.sign({ name: 'Luz', email: 'luz@example.pe', updates: true });
    expect(result).toEqual({ signatureId: 'sig-1', outcome: 'emailed' });
    expect(audit).toBeNull();
    expect(touches).toEqual([]);
    const signature = w.signatures.get('sig-1')!;
    expect(signature).toMatchObject({ status: 'pending', source: 'boletin', emailsSent: 1, language: 'es' });
    expect(signature.consent.statement).toContain('Ayni Perú guarde mi nombre');
    expect(signature.updatesConsent?.statement).toContain('Quiero recibir noticias de esta campaña');
    expect(w.sent).toEqual([{ kind: 'confirmation', to: 'luz@example.pe', language: 'es' }]);
  });

  it('signing again while pending updates the details and re-sends; once confirmed, says so — never a second signature', async () => {
    const w = world();
    await w.sign({ name: 'Luz', email: 'luz.mamani@gmail.com' });
    const again = await w.sign({
      name: 'Luz Mamani',
      email: 'LuzMamani+peticion@googlemail.com',
      postcode: '21001',
    });
    expect(again.result.outcome).toBe('resent');
    expect(w.signatures.size).toBe(1);
    expect(w.signatures.get('sig-1')).toMatchObject({
      name: 'Luz Mamani',
      postcode: '21001',
      // The address on record, where the first email went.
      email: 'luz.mamani@gmail.com',
      emailsSent: 2,
    });
    w.signatures.set('sig-1', { ...w.signatures.get('sig-1')!, status: 'confirmed' });
    expect((await w.sign({ name: 'Otra', email: 'luz.mamani@gmail.com' })).result.outcome).toBe(
      'already-signed',
    );
    expect(w.signatures.get('sig-1')!.name).toBe('Luz Mamani');
    expect(w.sent.map((m) => m.kind)).toEqual(['confirmation', 'confirmation', 'already-signed']);
  });

  it(`sends at most ${MAX_SIGNATURE_EMAILS} emails for one signature, however often it is signed`, async () => {
    const w = world();
    for (let i = 0; i < 8; i++) await w.sign({ name: 'Luz', email: 'luz@example.pe' });
    expect(w.sent).toHaveLength(MAX_SIGNATURE_EMAILS);
    expect(w.signatures.get('sig-1')!.emailsSent).toBe(MAX_SIGNATURE_EMAILS);
  });

  it('holds a second new signature from one address within a minute: stored, no email, the same answer', async () => {
    const w = world();
    expect((await w.sign({ name: 'A', email: 'a@example.org' }, 'addr-1')).result.outcome).toBe('emailed');
    const second = await w.sign({ name: 'B', email: 'b@example.org' }, 'addr-1');
    expect(second.result.outcome).toBe('held');
    expect(w.signatures.get(second.result.signatureId)).toMatchObject({
      status: 'held',
      heldReason: 'More than 1 signature from one address within 60 seconds',
      emailsSent: 0,
    });
    // Another address is not held; after the minute, the first address may sign again.
    expect((await w.sign({ name: 'C', email: 'c@example.org' }, 'addr-2')).result.outcome).toBe('emailed');
    w.clock.advance(61_000);
    expect((await w.sign({ name: 'D', email: 'd@example.org' }, 'addr-1')).result.outcome).toBe('emailed');
    expect(w.sent.map((m) => m.to)).toEqual(['a@example.org', 'c@example.org', 'd@example.org']);
  });

  it('refuses a closed campaign, a passed deadline and an unknown one', async () => {
    const w = world();
    w.setCampaign({ status: 'closed' });
    expect((await w.sign({ name: 'A', email: 'a@example.org' }).catch((e) => e)).message).toBe(
      'This petition is closed',
    );
    w.setCampaign({ petition: { ...campaign.petition!, deadline: new Date('2026-05-31T00:00:00.000Z') } });
    expect((await w.sign({ name: 'A', email: 'a@example.org' }).catch((e) => e)).code).toBe(
      'INVALID_TRANSITION',
    );
    expect(w.signatures.size).toBe(0);
  });
});

describe('confirmSignatureByLink', () => {
  it('confirms a pending signature once; the second press is the same thank-you', async () => {
    const w = world();
    await w.sign({ name: 'Luz', email: 'luz@example.pe' });
    w.tokens.set('hash-1', 'sig-1');
    const first = await confirmSignatureByLink(w.ports, { tokenHash: 'hash-1' });
    expect(first.result).toMatchObject({ status: 'confirmed', now: true });
    expect(first.touches).toEqual([]);
    expect(w.signatures.get('sig-1')).toMatchObject({ status: 'confirmed', confirmedAt: w.clock.now() });
    expect((await confirmSignatureByLink(w.ports, { tokenHash: 'hash-1' })).result).toMatchObject({
      status: 'confirmed',
      now: false,
    });
    expect(await w.ports.signatures.countConfirmed('camp-1')).toBe(1);
  });

  it('reaches a milestone when its confirmation brings the count to the threshold, once, and queues its emails', async () => {
    const w = world();
    const milestone = (id: string, signatureThreshold: number | null, reached = false) => ({
      id,
      date: null,
      reached,
      reachedAt: null,
      signatureThreshold,
      translations: { es: { title: `Hito ${id}`, description: '' } },
    });
    w.setCampaign({
      milestones: [
        milestone('two', 2),
        milestone('hand', null),
        milestone('old', 1, true),
        milestone('ten', 10),
      ],
    });
    await w.sign({ name: 'Luz', email: 'luz@example.pe' });
    await w.sign({ name: 'Ana', email: 'ana@example.pe' });
    await w.sign({ name: 'Eva', email: 'eva@example.pe' });
    for (const n of [1, 2, 3]) w.tokens.set(`hash-${n}`, `sig-${n}`);
    expect((await confirmSignatureByLink(w.ports, { tokenHash: 'hash-1' })).touches).toEqual([]);
    expect(w.announced).toEqual([]);
    const second = await confirmSignatureByLink(w.ports, { tokenHash: 'hash-2' });
    expect(second.touches).toEqual(['campaigns']);
    expect(w.announced).toEqual(['two']);
    // The campaign as loaded still says "not reached" (as a confirmation at the same moment would see it): the
    // conditional mark refuses the second reaching, and nothing more is queued.
    expect((await confirmSignatureByLink(w.ports, { tokenHash: 'hash-3' })).touches).toEqual([]);
    expect(w.announced).toEqual(['two']);
  });

  it('explains rather than confirms: an unknown link, a rejected signature, a closed petition', async () => {
    const w = world();
    expect((await confirmSignatureByLink(w.ports, { tokenHash: 'nope' })).result).toEqual({
      status: 'invalid',
    });
    await w.sign({ name: 'Luz', email: 'luz@example.pe' });
    w.tokens.set('hash-1', 'sig-1');
    w.setCampaign({ status: 'closed' });
    expect((await confirmSignatureByLink(w.ports, { tokenHash: 'hash-1' })).result.status).toBe('closed');
    w.signatures.set('sig-1', { ...w.signatures.get('sig-1')!, status: 'rejected' });
    expect((await confirmSignatureByLink(w.ports, { tokenHash: 'hash-1' })).result).toEqual({
      status: 'invalid',
    });
    expect(await w.ports.signatures.countConfirmed('camp-1')).toBe(0);
  });
});
