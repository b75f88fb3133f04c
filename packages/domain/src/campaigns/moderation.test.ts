// releaseSignature, rejectSignature and deleteSignatureAsSpam on in-memory ports: what staff cause (a status, an
// email, an audit sentence) and what they are refused. The database's side is tested through the API on both
// databases (packages/api/src/signatures.int.test.ts).
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import {
  canModerate,
  deleteSignatureAsSpam,
  rejectSignature,
  releaseSignature,
  type ModerationPorts,
} from './moderation.js';
import { MAX_SIGNATURE_EMAILS } from './rules.js';
import type { Campaign, Signature, SignatureStatus } from './schema.js';

const clock = fixedClock('2026-12-05T09:00:00.000Z');

const campaign: Campaign = {
  id: 'camp-1',
  status: 'active',
  translations: {
    es: { slug: 'agua-limpia', title: 'Agua limpia', summary: '', body: '', petitionText: 'Pedimos agua.' },
  },
  petition: { target: 'El Ministerio', signatureGoal: 100, deadline: null },
  milestones: [],
  closedAt: null,
  closedReason: null,
  createdAt: new Date('2026-11-01T00:00:00.000Z'),
  updatedAt: new Date('2026-11-01T00:00:00.000Z'),
};

function aSignature(status: SignatureStatus, overrides: Partial<Signature> = {}): Signature {
  return {
    id: 'sig-1',
    campaignId: campaign.id,
    name: 'Luz Quispe',
    email: 'luz@example.pe',
    canonicalEmail: 'luz@example.pe',
    country: 'PE',
    postcode: null,
    consent: {
      statement: 'Guarden mi firma',
      version: 'v1',
      givenAt: new Date('2026-12-01T10:00:00.000Z'),
      source: 'form',
    },
    updatesConsent: null,
    status,
    confirmedAt: status === 'confirmed' ? new Date('2026-12-01T10:05:00.000Z') : null,
    createdAt: new Date('2026-12-01T10:00:00.000Z'),
    language: 'es',
    source: null,
    emailsSent: status === 'held' ? 0 : 1,
    heldReason: status === 'held' ? 'More than 1 signature from one address within 60 seconds' : null,
    ...overrides,
  };
}

function world(signature: Signature, campaignOverrides: Partial<Campaign> = {}) {
  const signatures = new Map([[signature.id, signature]]);
  const sent: { to: string; status: SignatureStatus }[] = [];
  const ports: ModerationPorts = {
    campaigns: {
      findById: async (id) => (id === campaign.id ? { ...campaign, ...campaignOverrides } : null),
    },
    signatures: {
      findById: async (id) => signatures.get(id) ?? null,
      update: async (s) => void signatures.set(s.id, { ...s, emailsSent: signatures.get(s.id)!.emailsSent }),
      async claimEmail(id, max) {
        const s = signatures.get(id)!;
        if (s.emailsSent >= max) return false;
        signatures.set(id, { ...s, emailsSent: s.emailsSent + 1 });
        return true;
      },
    },
    emails: { confirmation: async (s) => void sent.push({ to: s.email, status: s.status }) },
    clock,
  };
  const confirmed = () => [...signatures.values()].filter((s) => s.status === 'confirmed').length;
  return { ports, signatures, sent, confirmed, stored: () => signatures.get(signature.id)! };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('releaseSignature', () => {
  it('makes a held signature pending, queues one confirmation, counts the email, and says so in words', async () => {
    const w = world(aSignature('held'));
    const { result, audit, touches } = await releaseSignature(w.ports, { signatureId: 'sig-1' });
    expect(w.stored()).toMatchObject({ status: 'pending', heldReason: null, emailsSent: 1 });
    expect(w.sent).toEqual([{ to: 'luz@example.pe', status: 'pending' }]);
    expect(result).toMatchObject({ was: 'held', emailed: true });
    expect(audit).toEqual({
      action: 'signature.release',
      resourceType: 'signature',
      resourceId: 'sig-1',
      summary: 'Released the held signature of Luz Quispe on “Agua limpia”',
    });
    // A count change never bumps the site's content version.
    expect(touches).toEqual([]);
  });

  it(`sends nothing once the signature has had its ${MAX_SIGNATURE_EMAILS} emails, and says so`, async () => {
    const w = world(aSignature('held', { emailsSent: MAX_SIGNATURE_EMAILS }));
    const { result, audit } = await releaseSignature(w.ports, { signatureId: 'sig-1' });
    expect(w.stored().status).toBe('pending');
    expect(w.sent).toEqual([]);
    expect(result.emailed).toBe(false);
    expect(audit?.summary).toContain('no email sent');
  });

  it.each(['pending', 'confirmed', 'rejected'] as const)('refuses a %s signature', async (status) => {
    const w = world(aSignature(status));
    const error = await refusal(releaseSignature(w.ports, { signatureId: 'sig-1' }));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(w.stored().status).toBe(status);
    expect(w.sent).toEqual([]);
  });

  it('refuses on a closed petition, where the signer could not confirm', async () => {
    const w = world(aSignature('held'), { status: 'closed' });
    const error = await refusal(releaseSignature(w.ports, { signatureId: 'sig-1' }));
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toContain('This petition is closed');
    expect(w.stored().status).toBe('held');
  });

  it('is NOT_FOUND for a signature that is not there', async () => {
    const w = world(aSignature('held'));
    expect((await refusal(releaseSignature(w.ports, { signatureId: 'nope' }))).code).toBe('NOT_FOUND');
  });
});

describe('rejectSignature', () => {
  it.each(['held', 'pending'] as const)('rejects a %s signature, with no email', async (status) => {
    const w = world(aSignature(status));
    const { audit, touches } = await rejectSignature(w.ports, { signatureId: 'sig-1' });
    expect(w.stored().status).toBe('rejected');
    expect(w.sent).toEqual([]);
    expect(audit).toMatchObject({
      action: 'signature.reject',
      summary: `Rejected the ${status} signature of Luz Quispe on “Agua limpia”`,
    });
    expect(touches).toEqual([]);
  });

  it('refuses a confirmed one (that is for "delete as spam") and a rejected one', async () => {
    const confirmed = world(aSignature('confirmed'));
    expect((await refusal(rejectSignature(confirmed.ports, { signatureId: 'sig-1' }))).message).toContain(
      'delete it as spam',
    );
    expect(confirmed.stored().status).toBe('confirmed');
    const rejected = world(aSignature('rejected'));
    expect((await refusal(rejectSignature(rejected.ports, { signatureId: 'sig-1' }))).code).toBe(
      'INVALID_TRANSITION',
    );
  });
});

describe('deleteSignatureAsSpam', () => {
  it('rejects a confirmed signature, keeping its row: the count drops by one', async () => {
    const w = world(aSignature('confirmed'));
    expect(w.confirmed()).toBe(1);
    const { result, audit, touches } = await deleteSignatureAsSpam(w.ports, { signatureId: 'sig-1' });
    expect(w.confirmed()).toBe(0);
    // Kept, with what it had: nothing that arrived is lost.
    expect(w.stored()).toMatchObject({ status: 'rejected', name: 'Luz Quispe', email: 'luz@example.pe' });
    expect(w.stored().confirmedAt).toEqual(new Date('2026-12-01T10:05:00.000Z'));
    expect(result.was).toBe('confirmed');
    expect(audit).toMatchObject({
      action: 'signature.delete-as-spam',
      summary:
        'Deleted the confirmed signature of Luz Quispe on “Agua limpia” as spam (the count drops by one)',
    });
    expect(touches).toEqual([]);
  });

  it.each(['held', 'pending'] as const)('rejects a %s one; the count stays', async (status) => {
    const w = world(aSignature(status));
    const { audit } = await deleteSignatureAsSpam(w.ports, { signatureId: 'sig-1' });
    expect(w.stored().status).toBe('rejected');
    expect(audit?.summary).toBe(`Deleted the ${status} signature of Luz Quispe on “Agua limpia” as spam`);
  });

  it('refuses one already rejected', async () => {
    const w = world(aSignature('rejected'));
    expect((await refusal(deleteSignatureAsSpam(w.ports, { signatureId: 'sig-1' }))).code).toBe(
      'INVALID_TRANSITION',
    );
  });
});

describe('canModerate', () => {
  it('offers each action only from the statuses it starts from', () => {
    expect(canModerate('held', 'release')).toBe(true);
    expect(canModerate('pending', 'release')).toBe(false);
    expect(canModerate('pending', 'reject')).toBe(true);
    expect(canModerate('confirmed', 'reject')).toBe(false);
    expect(canModerate('confirmed', 'delete-as-spam')).toBe(true);
    expect(canModerate('rejected', 'delete-as-spam')).toBe(false);
  });
});
