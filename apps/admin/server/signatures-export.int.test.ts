// The signatures' CSV download over real HTTP: a file for the owner (attachment, never cached, formulas
// neutralised, audited), 403 for a viewer and for a request another site made the browser send, 401 signed out,
// 400 for a filter that makes no sense. SQLite by default, PostgreSQL with TEST_POSTGRES_URL.
import { randomUUID } from 'node:crypto';
import { acceptInvitation, hashToken, newToken } from '@ayni/auth';
import { cookieFrom, createTestAuth } from '@ayni/auth/testing';
import { insertCampaign, insertInvitation, insertSignature, listAudit, randomIds } from '@ayni/db';
import { fixedClock, invitationExpiresAt, newSignature, signingConsents, type Campaign } from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPost, setUpOwnerAndSignIn, startTestAdmin, type TestAdmin } from './test-server.testing.js';

const clock = fixedClock('2026-12-05T12:00:00.000Z');
let admin: TestAdmin;
let base: string;
let owner: string;
let viewer: string;

const campaign: Campaign = {
  id: 'camp-water',
  status: 'active',
  petition: { target: 'El Ministerio', signatureGoal: 100, deadline: null },
  translations: {
    es: { slug: 'agua-limpia', title: 'Agua limpia', summary: '', body: '', petitionText: 'Pedimos agua.' },
  },
  milestones: [],
  closedAt: null,
  closedReason: null,
  createdAt: new Date('2026-11-01T00:00:00.000Z'),
  updatedAt: new Date('2026-11-01T00:00:00.000Z'),
};

beforeAll(async () => {
  admin = await startTestAdmin(clock);
  base = await admin.serve();
  owner = await setUpOwnerAndSignIn(base, {
    name: 'Rosa',
    email: 'rosa@example.org',
    password: 'long enough password',
  });
  const token = newToken();
  await insertInvitation(admin.t.db, {
    id: randomUUID(),
    email: 'vera@example.org',
    role: 'viewer',
    invitedBy: null,
    createdAt: clock.now(),
    expiresAt: invitationExpiresAt(clock.now()),
    acceptedAt: null,
    revokedAt: null,
    tokenHash: hashToken(token),
  });
  await acceptInvitation(
    createTestAuth(admin.t),
    admin.t,
    { token, name: 'Vera', password: 'vera long password' },
    clock,
  );
  const signIn = await fetch(
    `${base}/api/auth/sign-in/email`,
    adminPost({ email: 'vera@example.org', password: 'vera long password' }),
  );
  expect(signIn.status).toBe(200);
  viewer = cookieFrom(signIn);
  await insertCampaign(admin.t.db, campaign);
  await insertSignature(admin.t.db, {
    ...newSignature(
      campaign,
      {
        name: '<img src=x onerror=alert(1)>',
        email: 'hostile@example.net',
        country: 'PE',
        postcode: '=HYPERLINK("http://x")',
        consent: true,
        updates: false,
      },
      { clock, ids: randomIds, consents: signingConsents('es', 'Ayni'), language: 'es' },
    ),
    status: 'confirmed',
  });
}, 60_000);
afterAll(() => admin?.stop());

const download = (query: string, headers: Record<string, string>) =>
  fetch(`${base}/export/signatures.csv${query}`, { headers });

describe('GET /export/signatures.csv', () => {
  it('downloads the CSV for the owner: an attachment, never cached, formulas neutralised, audited', async () => {
    const res = await download(`?campaignId=${campaign.id}`, {
      cookie: owner,
      'sec-fetch-site': 'same-origin',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="signatures-agua-limpia-2026-12-05.csv"',
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const csv = await res.text();
    // The cell starts with ' (escape_formulas), then the quotes CSV doubles.
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"")",`);
    expect(csv).toContain('<img src=x onerror=alert(1)>');
    const [entry] = await listAudit(admin.t.db, { limit: 1 });
    expect(entry).toMatchObject({
      actorEmail: 'rosa@example.org',
      action: 'signature.export',
      summary: 'Exported 1 signature on “Agua limpia” as CSV',
    });
  });

  it('is 403 for a viewer, 401 signed out, and 403 when another site sends the browser here', async () => {
    const before = (await listAudit(admin.t.db, { limit: 100 })).length;
    expect((await download('', { cookie: viewer })).status).toBe(403);
    expect((await download('', {})).status).toBe(401);
    expect((await download('', { cookie: owner, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await download('', { cookie: owner, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    // Nothing was exported, so nothing was audited.
    expect((await listAudit(admin.t.db, { limit: 100 })).length).toBe(before);
  });

  it('is 400 for a filter that makes no sense, and 404 for a campaign that is not there', async () => {
    expect((await download('?status=maybe', { cookie: owner })).status).toBe(400);
    expect((await download('?createdFrom=yesterday', { cookie: owner })).status).toBe(400);
    expect((await download('?campaignId=nope', { cookie: owner })).status).toBe(404);
  });
});
