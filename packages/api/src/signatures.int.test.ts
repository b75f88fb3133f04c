// Signatures through the admin API with real sessions: the list (filters, search by name or email, keyset pages
// over more than one page), the counts per status, releasing a held one (exactly one confirmation email queued),
// rejecting, deleting as spam (the count drops, the row stays), the CSV export (audited; refused to a viewer) and
// hostile text staying inert in it. SQLite by default, PostgreSQL with TEST_POSTGRES_URL.
import type { StaffSession } from '@ayni/auth';
import {
  countConfirmedSignatures,
  findSignatureById,
  insertCampaign,
  insertSignature,
  listAudit,
  listMessages,
  randomIds,
} from '@ayni/db';
import {
  confirmSignature,
  fixedClock,
  newSignature,
  signingConsents,
  type Campaign,
  type Signature,
  type SignatureStatus,
  type StaffRole,
} from '@ayni/domain';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from './router.js';
import { ownerApiForThisFile, sessionFor as sessionForRole } from './testing/owner-api.js';

const clock = fixedClock('2026-12-05T12:00:00.000Z');
const { s, api } = ownerApiForThisFile(clock);

function campaignCalled(id: string, title: string, slug: string): Campaign {
  return {
    id,
    status: 'active',
    petition: { target: 'El Ministerio', signatureGoal: 100, deadline: null },
    translations: { es: { slug, title, summary: '', body: '', petitionText: 'Pedimos agua.' } },
    milestones: [],
    closedAt: null,
    closedReason: null,
    createdAt: new Date('2026-11-01T00:00:00.000Z'),
    updatedAt: new Date('2026-11-01T00:00:00.000Z'),
  };
}
const water = campaignCalled('camp-water', 'Agua limpia', 'agua-limpia');
const other = campaignCalled('camp-other', 'Otra campaña', 'otra-campana');

let minute = 0;
/** A signature on `campaign`, each a minute after the last, in `status`. */
async function signature(
  campaign: Campaign,
  fields: { name: string; email: string; country?: string; postcode?: string | null; source?: string },
  status: SignatureStatus = 'pending',
): Promise<Signature> {
  const at = new Date(Date.parse('2026-12-01T08:00:00.000Z') + ++minute * 60_000);
  const fresh = newSignature(
    campaign,
    {
      name: fields.name,
      email: fields.email,
      country: fields.country ?? 'PE',
      postcode: fields.postcode ?? null,
      consent: true,
      updates: fields.name.startsWith('U'),
    },
    {
      clock: { now: () => at },
      ids: randomIds,
      consents: signingConsents('es', 'Ayni Perú'),
      language: 'es',
      source: fields.source ?? null,
    },
  );
  const stored: Signature =
    status === 'confirmed'
      ? { ...confirmSignature(fresh, { now: () => at }), emailsSent: 1 }
      : status === 'held'
        ? { ...fresh, status, heldReason: 'More than 1 signature from one address within 60 seconds' }
        : { ...fresh, status, emailsSent: 1 };
  await insertSignature(s().t.db, stored);
  return stored;
}

const sessionFor = (role: StaffRole) => sessionForRole(s(), role, clock);

const as = (session: StaffSession) =>
  createCaller({
    handle: s().t,
    auth: s().auth,
    clock,
    queue: s().queue,
    session,
    adminUrl: 'http://localhost:3001',
    headers: new Headers(),
  });

const confirmationsTo = async (email: string) =>
  (await listMessages(s().t.db, { limit: 100 })).filter(
    (m) => m.template === 'signature-confirmation' && m.recipient === email,
  ).length;

let held: Signature;
let luz: Signature;
let hostile: Signature;

beforeAll(async () => {
  await insertCampaign(s().t.db, water);
  await insertCampaign(s().t.db, other);
  luz = await signature(water, { name: 'Luz Quispe', email: 'Luz.Quispe@Example.PE' }, 'confirmed');
  await signature(water, { name: 'Tom Hughes', email: 'tom@example.co.uk', country: 'GB' }, 'confirmed');
  await signature(water, { name: 'Uma Mamani', email: 'uma@example.pe', source: 'boletin' });
  held = await signature(water, { name: 'Rosa Condori', email: 'rosa.c@example.pe' }, 'held');
  hostile = await signature(
    water,
    {
      name: '<img src=x onerror=alert(1)>',
      email: 'hostile@example.net',
      postcode: '=HYPERLINK("http://x")',
    },
    'confirmed',
  );
  for (let i = 0; i < 7; i++) {
    await signature(other, { name: `Signer ${i}`, email: `signer${i}@example.org`, country: 'GB' });
  }
}, 60_000);

describe('the signatures list', () => {
  it('pages newest first on (created_at, id) over more than one page, with no row twice or left out', async () => {
    const seen: string[] = [];
    let cursor: { at: Date; id: string } | undefined;
    let pages = 0;
    do {
      const page = await api().signatures.list({ limit: 4, ...(cursor ? { cursor } : {}) });
      seen.push(...page.signatures.map((x) => x.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
    const all = (await api().signatures.list({ limit: 100 })).signatures;
    expect(all.map((x) => x.id)).toEqual(seen);
    const times = all.map((x) => x.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('finds a signer by part of their email or name, in any case', async () => {
    const byEmail = await api().signatures.list({ q: 'luz.quispe@EXAMPLE', limit: 10 });
    expect(byEmail.signatures.map((x) => x.id)).toEqual([luz.id]);
    const byName = await api().signatures.list({ q: 'QUISPE', limit: 10 });
    expect(byName.signatures.map((x) => x.name)).toEqual(['Luz Quispe']);
    // The search's own wildcards are taken literally.
    expect((await api().signatures.list({ q: '%', limit: 10 })).signatures).toEqual([]);
  });

  it('filters by campaign, status, country, source and the day made', async () => {
    const list = async (filter: Parameters<ReturnType<typeof api>['signatures']['list']>[0]) =>
      (await api().signatures.list({ limit: 50, ...filter })).signatures.map((x) => x.name);
    expect(await list({ campaignId: water.id })).toHaveLength(5);
    expect(await list({ campaignId: water.id, status: 'held' })).toEqual(['Rosa Condori']);
    expect(await list({ campaignId: water.id, country: 'gb' })).toEqual(['Tom Hughes']);
    expect(await list({ source: 'boletin' })).toEqual(['Uma Mamani']);
    // Made between the second and the fourth minute: Tom (2) and Uma (3).
    expect(
      await list({
        createdFrom: new Date('2026-12-01T08:02:00.000Z'),
        createdBefore: new Date('2026-12-01T08:04:00.000Z'),
      }),
    ).toEqual(['Uma Mamani', 'Tom Hughes']);
    const [row] = (await api().signatures.list({ status: 'held', limit: 1 })).signatures;
    expect(row).toMatchObject({
      campaignTitle: 'Agua limpia',
      heldReason: 'More than 1 signature from one address within 60 seconds',
      updatesConsent: false,
    });
  });

  it('counts each status for a campaign, and the dashboard shows the held ones', async () => {
    expect(await api().signatures.counts({ campaignId: water.id })).toEqual({
      pending: 1,
      confirmed: 3,
      held: 1,
      rejected: 0,
    });
    expect((await api().dashboard.summary()).campaigns.heldSignatures).toBe(1);
    expect(await api().signatures.campaigns()).toEqual(
      expect.arrayContaining([{ id: water.id, titles: { es: 'Agua limpia' } }]),
    );
  });

  it('gives a hostile name back as the text it is (the admin renders text, never HTML)', async () => {
    const [row] = (await api().signatures.list({ q: 'hostile@', limit: 5 })).signatures;
    expect(row?.name).toBe('<img src=x onerror=alert(1)>');
    expect(row?.postcode).toBe('=HYPERLINK("http://x")');
  });
});

describe('the CSV export', () => {
  it('gives the filtered signatures with formulas neutralised, and audits who took which', async () => {
    const { csv, fileName, rows } = await api().signatures.export({ campaignId: water.id });
    expect(fileName).toBe('signatures-agua-limpia-2026-12-05.csv');
    expect(rows).toBe(5);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const records = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual([
      'Name',
      'Email',
      'Country',
      'Postcode',
      'Status',
      'Signed at (UTC)',
      'Confirmed at (UTC)',
      'Source',
      'Updates consent',
      'Consent statement version',
    ]);
    const bad = records.find((r) => r.Email === 'hostile@example.net')!;
    // escape_formulas: a spreadsheet shows the cell as text instead of running it.
    expect(bad.Postcode).toBe(`'=HYPERLINK("http://x")`);
    expect(bad.Postcode!.startsWith("'")).toBe(true);
    expect(bad.Name).toBe('<img src=x onerror=alert(1)>');
    const uma = records.find((r) => r.Name === 'Uma Mamani')!;
    expect(uma).toMatchObject({
      Status: 'Waiting for confirmation',
      Source: 'boletin',
      'Updates consent': 'yes',
      'Confirmed at (UTC)': '',
    });
    expect(records.find((r) => r.Name === 'Luz Quispe')!['Signed at (UTC)']).toBe('2026-12-01T08:01:00.000Z');

    const [entry] = await listAudit(s().t.db, { limit: 1 });
    expect(entry).toMatchObject({
      actorEmail: 'rosa@example.org',
      action: 'signature.export',
      resourceId: water.id,
      summary: 'Exported 5 signatures on “Agua limpia” as CSV',
    });
    await api().signatures.export({ status: 'held', q: 'rosa' });
    const [filtered] = await listAudit(s().t.db, { limit: 1 });
    expect(filtered?.summary).toBe(
      'Exported 1 signature from every campaign as CSV (status held, search “rosa”)',
    );
  });

  it('is refused to a viewer (FORBIDDEN), and allowed to a campaigner', async () => {
    const viewer = await sessionFor('viewer');
    await expect(as(viewer).signatures.export({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A viewer still reads the list.
    expect((await as(viewer).signatures.list({ limit: 1 })).signatures).toHaveLength(1);
    await expect(as(viewer).signatures.release({ id: held.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const campaigner = await sessionFor('campaigner');
    expect((await as(campaigner).signatures.export({ campaignId: other.id })).rows).toBe(7);
  });
});

describe('moderation', () => {
  it('releases a held signature: pending, exactly one confirmation email queued, audited in words', async () => {
    expect(await confirmationsTo('rosa.c@example.pe')).toBe(0);
    expect(await api().signatures.release({ id: held.id })).toEqual({
      id: held.id,
      status: 'pending',
      emailed: true,
    });
    expect(await confirmationsTo('rosa.c@example.pe')).toBe(1);
    expect(await findSignatureById(s().t.db, held.id)).toMatchObject({
      status: 'pending',
      heldReason: null,
      emailsSent: 1,
    });
    const [entry] = await listAudit(s().t.db, { limit: 1 });
    expect(entry?.summary).toBe('Released the held signature of Rosa Condori on “Agua limpia”');
    // A second press is refused and sends nothing more.
    await expect(api().signatures.release({ id: held.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await confirmationsTo('rosa.c@example.pe')).toBe(1);
  });

  it('rejects a pending one, and refuses to reject a confirmed one', async () => {
    expect((await api().signatures.reject({ id: held.id })).status).toBe('rejected');
    await expect(api().signatures.reject({ id: luz.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'This signature is confirmed: delete it as spam instead',
    });
  });

  it('deletes a confirmed one as spam: the count drops by one and the row is kept, rejected', async () => {
    const before = await countConfirmedSignatures(s().t.db, water.id);
    expect((await api().signatures.deleteAsSpam({ id: hostile.id })).status).toBe('rejected');
    expect(await countConfirmedSignatures(s().t.db, water.id)).toBe(before - 1);
    expect(await findSignatureById(s().t.db, hostile.id)).toMatchObject({
      status: 'rejected',
      email: 'hostile@example.net',
    });
    expect(await api().signatures.counts({ campaignId: water.id })).toMatchObject({
      confirmed: before - 1,
      rejected: 2,
    });
    await expect(api().signatures.deleteAsSpam({ id: 'no-such-signature' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
