// Staff administration through the API with real sessions: inviting (the invitation email is queued in the same
// transaction), accepting, changing roles, the last-owner rule, suspension ending sessions at once, settings, and
// an audit entry for every change. SQLite by default, PostgreSQL with TEST_POSTGRES_URL.
import { accountLinkMinters, staffSessionFrom, type Auth, type StaffSession } from '@ayni/auth';
import { createTestAuth } from '@ayni/auth/testing';
import { findMessage, listMessages } from '@ayni/db';
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import { fixedClock } from '@ayni/domain';
import type { Queue } from '@ayni/jobs';
import { startProducerQueue } from '@ayni/jobs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from './router.js';

const clock = fixedClock('2026-11-27T12:00:00.000Z');
let t: TestDatabase;
let auth: Auth;
let queue: Queue;

const api = (session: StaffSession | null, headers = new Headers()) =>
  createCaller({ handle: t, auth, clock, queue, session, adminUrl: 'https://admin.example.org', headers });

async function signIn(email: string, password: string): Promise<{ session: StaffSession; headers: Headers }> {
  const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
  expect(response.status).toBe(200);
  const headers = new Headers({
    cookie: response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  });
  return { session: (await staffSessionFrom(auth, headers))!, headers };
}

let owner: { session: StaffSession; headers: Headers };

beforeAll(async () => {
  t = await createTestDatabase();
  auth = createTestAuth(t);
  // The admin only enqueues: no worker runs here, so queued work stays queued.
  queue = await startProducerQueue(t, clock);
  await api(null).setup.createOwner({
    name: 'Rosa',
    email: 'rosa@example.org',
    password: 'rosa long password',
  });
  owner = await signIn('rosa@example.org', 'rosa long password');
}, 60_000);
afterAll(async () => {
  await queue?.stop(1_000);
  await t?.cleanup();
});

/** The link the worker mints when it sends the latest invitation email to `to` (the record keeps no link). */
async function latestAcceptUrl(to: string): Promise<string> {
  const [message] = (await listMessages(t.db, { limit: 50 })).filter((m) => m.recipient === to);
  const record = await findMessage(t.db, message!.id);
  expect(JSON.stringify(record!.data)).not.toMatch(/token|https?:/);
  const { invitationId } = record!.data as { invitationId: string };
  const minted = await accountLinkMinters(auth, { adminUrl: 'https://admin.example.org' })[
    'staff-invitation'
  ]({ invitationId }, { db: t.db, requestedAt: clock.now(), now: clock.now() });
  if (!('url' in minted)) throw new Error(minted.refused);
  return minted.url;
}

describe('staff administration', () => {
  it('invites an editor by email, who accepts and signs in with that role', async () => {
    await api(owner.session).staff.invite({ email: 'Eddie@Example.org', role: 'editor' });
    const acceptUrl = await latestAcceptUrl('eddie@example.org');
    expect(acceptUrl).toMatch(/^https:\/\/admin\.example\.org\/accept-invitation\?token=[\w-]{40,}$/);
    const token = new URL(acceptUrl).searchParams.get('token')!;
    expect(await api(null).invitations.describe({ token })).toMatchObject({
      email: 'eddie@example.org',
      role: 'editor',
    });
    await api(null).invitations.accept({ token, name: 'Eddie', password: 'eddie long password' });
    const eddie = await signIn('eddie@example.org', 'eddie long password');
    expect(eddie.session.role).toBe('editor');
    await expect(api(eddie.session).staff.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { staff } = await api(owner.session).staff.list();
    expect(staff.map((s) => [s.email, s.role])).toEqual([
      ['eddie@example.org', 'editor'],
      ['rosa@example.org', 'owner'],
    ]);
  });

  it('refuses to invite an address that already has an account, naming the field', async () => {
    const error = await api(owner.session)
      .staff.invite({ email: 'eddie@example.org', role: 'viewer' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'This email address already has an account.' });
  });

  it('refuses a role that does not exist, with the list of roles', async () => {
    await expect(
      api(owner.session).staff.invite({ email: 'x@example.org', role: 'superuser' as never }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Role must be one of: owner, admin, editor, campaigner, membership, viewer',
    });
  });

  it('keeps the last owner: they cannot be demoted or suspended', async () => {
    const { staff } = await api(owner.session).staff.list();
    const rosa = staff.find((s) => s.email === 'rosa@example.org')!;
    await expect(
      api(owner.session).staff.changeRole({ userId: rosa.id, role: 'admin' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This is the last owner: make someone else an owner first.',
    });
    await expect(api(owner.session).staff.suspend({ userId: rosa.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('suspending someone ends their open session at once; reactivating lets them sign in again', async () => {
    const eddie = await signIn('eddie@example.org', 'eddie long password');
    expect(await staffSessionFrom(auth, eddie.headers)).not.toBeNull();
    await api(owner.session).staff.suspend({ userId: eddie.session.userId });
    expect(await staffSessionFrom(auth, eddie.headers)).toBeNull();
    const refused = await auth.api.signInEmail({
      body: { email: 'eddie@example.org', password: 'eddie long password' },
      asResponse: true,
    });
    expect(refused.status).toBe(403);
    await api(owner.session).staff.reactivate({ userId: eddie.session.userId });
    await signIn('eddie@example.org', 'eddie long password');
  });

  it('changes the settings, refusing bad values by field', async () => {
    const current = await api(owner.session).settings.get();
    await expect(
      api(owner.session).settings.update({ ...current, siteUrl: 'not a url', timeZone: 'Mars/Olympus' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const saved = await api(owner.session).settings.update({
      ...current,
      organisationName: 'Andes Solidarity Network',
      timeZone: 'america/lima',
    });
    expect(saved).toMatchObject({ organisationName: 'Andes Solidarity Network', timeZone: 'America/Lima' });
  });

  it('lets a person change their own name and password, refusing a wrong current password', async () => {
    const eddie = await signIn('eddie@example.org', 'eddie long password');
    const me = api(eddie.session, eddie.headers);
    await expect(
      me.account.changePassword({ currentPassword: 'not my password', newPassword: 'a brand new password' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'The current password is not right.' });
    await me.account.changePassword({
      currentPassword: 'eddie long password',
      newPassword: 'a brand new password',
    });
    await me.account.updateName({ name: 'Eddie Quispe' });
    const again = await signIn('eddie@example.org', 'a brand new password');
    expect(again.session.name).toBe('Eddie Quispe');
  });

  it('has written an audit entry for every change, newest first, without passwords or tokens', async () => {
    const { entries } = await api(owner.session).audit.list({});
    expect(entries.map((e) => e.action)).toEqual([
      'account.rename',
      'account.change-password',
      'settings.update',
      'staff.reactivate',
      'staff.suspend',
      'staff.invitation.accept',
      'staff.invite',
      'staff.setup-owner',
    ]);
    expect(entries[2]).toMatchObject({
      actorEmail: 'rosa@example.org',
      summary: 'Changed the organisation name and time zone',
    });
    expect(entries[0]).toMatchObject({
      actorEmail: 'eddie@example.org',
      summary: 'Changed their name from “Eddie” to “Eddie Quispe”',
    });
    expect(entries.find((e) => e.action === 'staff.invite')?.summary).toBe(
      'Invited eddie@example.org as editor',
    );
    const text = JSON.stringify(entries);
    expect(text).not.toMatch(/long password|brand new|token=/);
    const filtered = await api(owner.session).audit.list({ resourceType: 'settings' });
    expect(filtered.entries.map((e) => e.action)).toEqual(['settings.update']);
  });
});
