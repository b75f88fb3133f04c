// The admin API against a real database (SQLite, or PostgreSQL with TEST_POSTGRES_URL) and real better-auth
// sessions: first-run setup, sign-in, and the dashboard counts.
import { staffSessionFrom, type Auth } from '@ayni/auth';
import { createTestAuth } from '@ayni/auth/testing';
import { randomIds, seedDemo } from '@ayni/db';
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import { fixedClock } from '@ayni/domain';
import type { Queue } from '@ayni/jobs';
import { startProducerQueue } from '@ayni/jobs/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from './router.js';

const clock = fixedClock('2026-11-27T12:00:00.000Z');
let t: TestDatabase;
let auth: Auth;
let queue: Queue;

const caller = (session: Awaited<ReturnType<typeof staffSessionFrom>> = null) =>
  createCaller({
    handle: t,
    auth,
    clock,
    queue,
    session,
    adminUrl: 'http://localhost:3001',
    headers: new Headers(),
  });

async function signIn(email: string, password: string): Promise<Headers> {
  const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
  expect(response.status).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return new Headers({ cookie });
}

beforeAll(async () => {
  t = await createTestDatabase();
  auth = createTestAuth(t);
  // The admin only enqueues: no worker runs here, so queued work stays queued.
  queue = await startProducerQueue(t, clock);
  await seedDemo(t.db, { clock, ids: randomIds });
});
afterAll(async () => {
  await queue?.stop(1_000);
  await t?.cleanup();
});

describe('first-run setup, sign-in and the dashboard', () => {
  it('asks for setup while no staff account exists', async () => {
    expect(await caller().setup.status()).toEqual({ needsSetup: true });
  });

  it('refuses an owner with a short password, naming the field, and creates nobody', async () => {
    const error = await caller()
      .setup.createOwner({ name: 'Rosa', email: 'rosa@example.org', password: 'short' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).message).toBe('Password must be at least 12 characters');
    expect(await caller().setup.status()).toEqual({ needsSetup: true });
  });

  it('creates the owner once, then refuses a second setup', async () => {
    const owner = await caller().setup.createOwner({
      name: 'Rosa Apaza',
      email: 'Rosa@Example.org',
      password: 'correct horse battery',
    });
    expect(owner).toMatchObject({ name: 'Rosa Apaza', email: 'rosa@example.org' });
    expect(await caller().setup.status()).toEqual({ needsSetup: false });
    await expect(
      caller().setup.createOwner({
        name: 'Intruder',
        email: 'x@example.org',
        password: 'another long password',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'Ayni is already set up: sign in instead.' });
  });

  it('lets the owner sign in and see counts that match the seed', async () => {
    const session = await staffSessionFrom(auth, await signIn('rosa@example.org', 'correct horse battery'));
    expect(session).toMatchObject({ email: 'rosa@example.org', role: 'owner' });
    expect(await caller(session).account.me()).toMatchObject({ name: 'Rosa Apaza', role: 'owner' });
    const summary = await caller(session).dashboard.summary();
    expect(summary).toEqual({
      articles: { draft: 1, scheduled: 0, published: 22, archived: 0, pages: 8 },
      campaigns: { draft: 0, active: 1, closed: 0, confirmedSignatures: 4, heldSignatures: 0 },
      members: { pending: 1, active: 3, grace: 1, lapsed: 1, cancelled: 0 },
      events: { upcoming: 1, past: 1 },
      partnerFeeds: { total: 0, failing: 0, paused: 0 },
      worker: { lastSeenAt: null, running: false },
    });
  });

  it('refuses a wrong password and public sign-up', async () => {
    const wrong = await auth.api.signInEmail({
      body: { email: 'rosa@example.org', password: 'wrong password!!' },
      asResponse: true,
    });
    expect(wrong.status).toBe(401);
    const signUp = await auth.api.signUpEmail({
      body: { name: 'Anyone', email: 'anyone@example.org', password: 'a very long password' },
      asResponse: true,
    });
    expect(signUp.status).toBeGreaterThanOrEqual(400);
    expect(await t.db.selectFrom('user').select('email').execute()).toEqual([{ email: 'rosa@example.org' }]);
  });

  it('answers UNAUTHORIZED to the dashboard without a session', async () => {
    await expect(caller().dashboard.summary()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('shows the jobs, queues a test email to the signed-in person, and lets staff cancel it', async () => {
    const session = await staffSessionFrom(auth, await signIn('rosa@example.org', 'correct horse battery'));
    const api = caller(session);
    const before = await api.jobs.overview();
    expect(before.counts.map((c) => c.name)).toEqual([
      'campaign.milestone-emails',
      'email.send',
      'event.change-emails',
      'partner-feed.fetch',
      'sweep',
    ]);
    expect(before.counts.map((c) => c.title)).toEqual([
      'Email the signers about a milestone',
      'Send an email',
      'Email everyone registered that an event was cancelled or moved',
      'Fetch a partner feed',
      'Regular checks',
    ]);
    expect(before.schedules).toEqual([
      {
        name: 'sweep',
        title: 'Regular checks',
        cron: '* * * * *',
        when: 'Every minute',
        does: [
          'forget the duplicate-job guards older than 30 days',
          'publish the scheduled articles whose time has come',
          'fetch the partner feeds that are due',
          'close the campaigns whose petition deadline has passed',
          'delete the unconfirmed signatures older than 30 days',
          'forget signers’ hashed addresses older than 30 days',
          'delete the confirmation links that have expired',
          'give the places of registrations not confirmed within 48 hours to the waitlist',
          'remind the registrants of events starting within 24 hours',
          'delete registrants’ access needs 30 days after their event',
        ],
        timeZone: 'Europe/London',
        nextRunAt: new Date('2026-11-27T12:01:00.000Z'),
      },
    ]);

    const sent = await api.messages.sendTest();
    expect(sent.to).toBe('rosa@example.org');
    const { messages } = await api.messages.list({});
    expect(messages[0]).toMatchObject({
      id: sent.id,
      recipient: 'rosa@example.org',
      template: 'test-message',
      status: 'queued',
    });

    const overview = await api.jobs.overview();
    expect(overview.counts.find((c) => c.name === 'email.send')?.queued).toBe(1);
    const job = overview.queued.find((q) => q.name === 'email.send')!;
    await expect(api.jobs.retry({ name: 'email.send', id: job.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(api.jobs.cancel({ name: 'email.send', id: job.id })).resolves.toEqual({ ok: true });
    await expect(api.jobs.cancel({ name: 'email.send', id: job.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Only a job that has not started can be cancelled.',
    });
    expect((await api.jobs.overview()).counts.find((c) => c.name === 'email.send')).toMatchObject({
      queued: 0,
      cancelled: 1,
    });
  });

  it('keeps the job pages behind a staff session', async () => {
    await expect(caller().jobs.overview()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(caller().messages.sendTest()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
