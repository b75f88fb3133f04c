// No live token is stored anywhere (issue 10, finding 10), with real parts: a password reset requested through
// better-auth's own endpoint and a staff invitation made through the tRPC procedure, both sent by the email job to
// a real SMTP server. The token in each received link is then looked for in every column of every table (pg-boss's
// schema and the SQLite jobs table included) and in the worker's logs, and found nowhere; and each link still
// works. An invitation withdrawn before its email went out is not sent, and the message says why.
import { createCaller } from '@ayni/api';
import { createAuth, staffSessionFrom, type Auth, type StaffSession } from '@ayni/auth';
import { cookieFrom } from '@ayni/auth/testing';
import {
  findMessage,
  findSignatureById,
  hashToken,
  insertCampaign,
  listMessages,
  milestoneRepositories,
  nobody,
  randomIds,
  runUnitOfWork,
  saveSettings,
  signatureRepositories,
} from '@ayni/db';
import { createTestDatabase, tablesContaining, type TestDatabase } from '@ayni/db/testing';
import {
  confirmSignatureByLink,
  defaultSigningLimits,
  fixedClock,
  PASSWORD_RESET_TTL_MINUTES,
  signatureInputSchemaFor,
  signingConsents,
  signPetition,
  systemClock,
  type Campaign,
} from '@ayni/domain';
import {
  allJobs,
  createQueue,
  milestoneAnnouncements,
  queueEmail,
  queuePasswordResetEmail,
  signatureEmails,
  type Queue,
} from '@ayni/jobs';
import { capturingLogger, startTestSmtp, waitFor, type TestSmtp } from '@ayni/jobs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerLinkMinters } from './links.js';

const ADMIN_URL = 'http://localhost:3001';
const AUTH_SECRET = 'worker-test-secret-worker-test-secret';

let t: TestDatabase;
let smtp: TestSmtp;
let queue: Queue;
let adminAuth: Auth;
let owner: StaffSession;
const logs = capturingLogger();

const api = (session: StaffSession | null) =>
  createCaller({
    handle: t,
    auth: adminAuth,
    clock: systemClock,
    queue,
    session,
    adminUrl: ADMIN_URL,
    headers: new Headers(),
  });

const mailTo = (address: string) => smtp.mailTo(address);

async function signIn(email: string, password: string): Promise<Response> {
  return adminAuth.api.signInEmail({ body: { email, password }, asResponse: true });
}

beforeAll(async () => {
  smtp = await startTestSmtp({ logger: logs.logger });
  const logger = logs.logger;
  t = await createTestDatabase();
  await saveSettings(t.db, {
    organisationName: 'Andes Solidarity Network',
    siteUrl: 'https://andes.example.org',
  });
  queue = createQueue({
    handle: t,
    definitions: allJobs,
    clock: systemClock,
    logger,
    // As main.ts wires it.
    services: {
      mailer: smtp.mailer,
      links: workerLinkMinters(t, {
        authSecret: AUTH_SECRET,
        adminUrl: ADMIN_URL,
        production: false,
        secretsKey: 'worker-test-secrets-key-worker-test-secrets-key',
      }),
    },
    timeZone: 'Europe/London',
    role: 'worker',
    leaseSeconds: 5,
    maintenanceIntervalSeconds: 1,
    pollMs: 100,
  });
  await queue.start();
  // The admin's Auth, with the reset callback the admin gives it (apps/admin/server/main.ts).
  adminAuth = createAuth(t, {
    secret: AUTH_SECRET,
    baseURL: ADMIN_URL,
    production: false,
    signInLimit: { window: 60, max: 50 },
    sendResetPassword: queuePasswordResetEmail(t.db, queue, { clock: systemClock }),
  });
  await api(null).setup.createOwner({
    name: 'Rosa',
    email: 'rosa@example.org',
    password: 'rosa long password',
  });
  const cookie = cookieFrom(await signIn('rosa@example.org', 'rosa long password'));
  owner = (await staffSessionFrom(adminAuth, new Headers({ cookie })))!;

  // Withdrawn before any worker picks its email up.
  const { id } = await api(owner).staff.invite({ email: 'withdrawn@example.org', role: 'editor' });
  await api(owner).staff.revokeInvitation({ invitationId: id });
  await queue.work({ concurrency: 2 });
}, 60_000);

afterAll(async () => {
  await queue?.stop(5_000);
  await smtp?.close();
  await t?.cleanup();
});

describe('links minted at send time', () => {
  it('does not send a withdrawn invitation, and says why on the message', async () => {
    const [message] = (await listMessages(t.db, { limit: 50 })).filter(
      (m) => m.recipient === 'withdrawn@example.org',
    );
    const record = await waitFor(
      async () => {
        const m = await findMessage(t.db, message!.id);
        return m?.status !== 'queued' && m;
      },
      30_000,
      'the withdrawn invitation’s message to be settled',
    );
    expect(mailTo('withdrawn@example.org')).toEqual([]);
    expect(record.status).toBe('failed');
    expect(record.lastError).toBe('Not sent: the invitation was withdrawn.');
  });

  it('does not send a reset requested longer ago than a reset link lasts, and says why', async () => {
    // A retry, or staff retrying the message days later, must not hand out a fresh working link.
    const requestedAt = new Date(Date.now() - (PASSWORD_RESET_TTL_MINUTES + 1) * 60_000);
    const id = await queueEmail(
      t.db,
      queue,
      {
        to: owner.email,
        template: 'password-reset',
        language: 'en',
        data: { userId: owner.userId, name: 'Rosa' },
      },
      { clock: fixedClock(requestedAt) },
    );
    const record = await waitFor(
      async () => {
        const m = await findMessage(t.db, id);
        return m?.status !== 'queued' && m;
      },
      30_000,
      'the stale reset’s message to be settled',
    );
    expect(smtp.received.filter((m) => m.messageId === record.messageId)).toEqual([]);
    expect(record.status).toBe('failed');
    expect(record.lastError).toMatch(/^Not sent: .*reset.*more than 60 minutes ago/i);
  });

  it('stores no reset or invitation token anywhere, and both links work', async () => {
    const earlier = new Set((await listMessages(t.db, { limit: 50 })).map((m) => m.id));
    const reset = await adminAuth.handler(
      new Request(`${ADMIN_URL}/api/auth/request-password-reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ADMIN_URL },
        body: JSON.stringify({ email: 'rosa@example.org', redirectTo: `${ADMIN_URL}/reset-password` }),
      }),
    );
    expect(reset.status).toBe(200);
    await api(owner).staff.invite({ email: 'eddie@example.org', role: 'editor' });

    const [resetMail] = await waitFor(
      () => mailTo('rosa@example.org').length === 1 && mailTo('rosa@example.org'),
      30_000,
      'the reset email',
    );
    const [inviteMail] = await waitFor(
      () => mailTo('eddie@example.org').length === 1 && mailTo('eddie@example.org'),
      30_000,
      'the invitation email',
    );
    const resetLink = resetMail!.text!.match(/https?:\/\/\S+\/reset-password\/[\w-]+\?\S*/)?.[0];
    const acceptLink = inviteMail!.text!.match(/https?:\/\/\S+\/accept-invitation\?token=[\w-]+/)?.[0];
    expect(resetLink).toBeDefined();
    expect(acceptLink).toBeDefined();
    const resetToken = new URL(resetLink!).pathname.split('/').at(-1)!;
    const inviteToken = new URL(acceptLink!).searchParams.get('token')!;
    expect(resetToken.length).toBeGreaterThanOrEqual(24);
    expect(inviteToken.length).toBeGreaterThanOrEqual(32);
    const sent = await waitFor(
      async () => {
        const messages = await listMessages(t.db, { limit: 50 });
        const ours = messages.filter(
          (m) => !earlier.has(m.id) && ['rosa@example.org', 'eddie@example.org'].includes(m.recipient),
        );
        return ours.length === 2 && ours.every((m) => m.status === 'sent') && ours;
      },
      30_000,
      'both messages to be recorded as sent',
    );

    // The search reaches every table: each email's message record and its job (payload { messageId }).
    expect(await tablesContaining(t, sent[0]!.id)).toEqual(
      expect.arrayContaining(
        t.dialect === 'sqlite' ? ['jobs.payload', 'messages.id'] : ['pgboss.job', 'public.messages'],
      ),
    );

    expect({
      reset: await tablesContaining(t, resetToken),
      invitation: await tablesContaining(t, inviteToken),
    }).toEqual({
      reset: [],
      invitation: [],
    });
    expect(logs.text()).not.toContain(resetToken);
    expect(logs.text()).not.toContain(inviteToken);

    // The reset link leads to the admin's reset page with the token, which sets the new password.
    const followed = await adminAuth.handler(new Request(resetLink!));
    expect(followed.status).toBe(302);
    expect(followed.headers.get('location')).toBe(`${ADMIN_URL}/reset-password?token=${resetToken}`);
    const done = await adminAuth.handler(
      new Request(`${ADMIN_URL}/api/auth/reset-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ADMIN_URL },
        body: JSON.stringify({ token: resetToken, newPassword: 'rosa new long password' }),
      }),
    );
    expect(done.status).toBe(200);
    expect((await signIn('rosa@example.org', 'rosa new long password')).status).toBe(200);

    // The invitation link shows the invitation and creates the account.
    expect(await api(null).invitations.describe({ token: inviteToken })).toMatchObject({
      email: 'eddie@example.org',
      role: 'editor',
    });
    await api(null).invitations.accept({
      token: inviteToken,
      name: 'Eddie',
      password: 'eddie long password',
    });
    expect((await signIn('eddie@example.org', 'eddie long password')).status).toBe(200);
  }, 60_000);
});

describe('a signature’s confirmation link', () => {
  const campaign: Campaign = {
    id: 'camp-links',
    status: 'active',
    petition: { target: 'La ministra', signatureGoal: 100, deadline: null },
    translations: {
      es: { slug: 'agua-limpia', title: 'Agua limpia', summary: '', body: '', petitionText: 'Pedimos…' },
    },
    milestones: [],
    closedAt: null,
    closedReason: null,
    createdAt: new Date(),
    updatedAt: new Date(),
  };

  const sign = (email: string) =>
    runUnitOfWork(t.db, { clock: systemClock, actor: nobody }, (trx) =>
      signPetition(
        {
          ...signatureRepositories(trx),
          emails: signatureEmails(trx, queue, { clock: systemClock }),
          clock: systemClock,
          ids: randomIds,
        },
        {
          campaignId: campaign.id,
          language: 'es',
          input: signatureInputSchemaFor('es').parse({ name: 'Luz', email, country: 'PE', consent: true }),
          consents: signingConsents('es', 'Andes Solidarity Network'),
          source: null,
          addressHash: null,
          limits: defaultSigningLimits,
        },
      ),
    );

  it('arrives in Spanish with the token in the path, stored nowhere but as its hash, and confirms', async () => {
    await insertCampaign(t.db, campaign);
    const { result } = await sign('luz@example.pe');
    const [mail] = await waitFor(
      () => mailTo('luz@example.pe').length === 1 && mailTo('luz@example.pe'),
      30_000,
      'the confirmation email',
    );
    expect(mail!.subject).toBe('Confirma tu firma en la petición “Agua limpia”');
    const link = mail!.text!.match(/https:\/\/andes\.example\.org\/es\/campaigns\/confirm\/[\w-]+/)?.[0];
    expect(link).toBeDefined();
    const token = new URL(link!).pathname.split('/').at(-1)!;
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    await waitFor(
      async () =>
        (await listMessages(t.db, { limit: 50 })).some(
          (m) => m.recipient === 'luz@example.pe' && m.status === 'sent',
        ),
      30_000,
      'the message to be recorded as sent',
    );
    expect(await tablesContaining(t, token)).toEqual([]);
    expect(logs.text()).not.toContain(token);
    expect(await tablesContaining(t, hashToken(token))).toEqual([
      t.dialect === 'sqlite' ? 'signature_tokens.token_hash' : 'public.signature_tokens',
    ]);

    const confirmed = await runUnitOfWork(t.db, { clock: systemClock, actor: nobody }, (trx) =>
      confirmSignatureByLink(
        {
          ...signatureRepositories(trx),
          ...milestoneRepositories(trx),
          announcements: milestoneAnnouncements(trx, queue),
          clock: systemClock,
        },
        { tokenHash: hashToken(token) },
      ),
    );
    expect(confirmed.result).toMatchObject({ status: 'confirmed', now: true });
    expect((await findSignatureById(t.db, result.signatureId))?.status).toBe('confirmed');
  }, 60_000);

  it('tells a confirmed signer who signs again that they had signed, with no link to confirm', async () => {
    await sign('LUZ@example.pe');
    const mails = await waitFor(
      () => mailTo('luz@example.pe').length === 2 && mailTo('luz@example.pe'),
      30_000,
      'the “already signed” email',
    );
    const again = mails.find((m) => m.subject !== 'Confirma tu firma en la petición “Agua limpia”');
    expect(again?.subject).toBe('Ya firmaste la petición “Agua limpia”');
    expect(again?.text).toContain('https://andes.example.org/es/campaigns/agua-limpia');
    expect(again?.text).not.toContain('/confirm/');
  }, 60_000);
});
