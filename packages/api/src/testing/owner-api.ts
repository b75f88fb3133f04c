// For this package's integration tests: a fresh database with its owner signed in, and the API as that owner.
import { randomUUID } from 'node:crypto';
import {
  acceptInvitation,
  hashToken,
  newToken,
  setupOwner,
  staffSessionFrom,
  type Auth,
  type StaffSession,
} from '@ayni/auth';
import { insertInvitation } from '@ayni/db';
import { createTestAuth } from '@ayni/auth/testing';
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import { invitationExpiresAt, type Clock, type StaffRole } from '@ayni/domain';
import type { Queue } from '@ayni/jobs';
import { startProducerQueue } from '@ayni/jobs/testing';
import { afterAll, beforeAll } from 'vitest';
import { createCaller } from '../router.js';

export interface OwnerApi {
  t: TestDatabase;
  auth: Auth;
  queue: Queue;
  owner: StaffSession;
  /** The API called as the signed-in owner. */
  api(): ReturnType<typeof createCaller>;
  /** The API called as `session` (see sessionFor). */
  as(session: StaffSession): ReturnType<typeof createCaller>;
  /** A staff member with `role` (role@example.org), invited, accepted and signed in. */
  sessionFor(role: StaffRole): Promise<StaffSession>;
  cleanup(): Promise<void>;
}

/** Signs in through better-auth as a browser does, and gives the session its cookie carries. */
export async function signInStaff(auth: Auth, email: string, password: string): Promise<StaffSession> {
  const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const session = await staffSessionFrom(auth, new Headers({ cookie }));
  if (!session) throw new Error(`no session for ${email}`);
  return session;
}

/** A staff member with `role` (role@example.org): invited, accepted and signed in. */
export async function addStaff(
  auth: Auth,
  t: TestDatabase,
  clock: Clock,
  role: StaffRole,
): Promise<StaffSession> {
  const token = newToken();
  await insertInvitation(t.db, {
    id: randomUUID(),
    email: `${role}@example.org`,
    role,
    invitedBy: null,
    createdAt: clock.now(),
    expiresAt: invitationExpiresAt(clock.now()),
    acceptedAt: null,
    revokedAt: null,
    tokenHash: hashToken(token),
  });
  await acceptInvitation(auth, t, { token, name: role, password: `${role} long password` }, clock);
  return signInStaff(auth, `${role}@example.org`, `${role} long password`);
}

/** Creates the owner Rosa (rosa@example.org) through first-run setup and signs her in. */
export async function startOwnerApi(clock: Clock): Promise<OwnerApi> {
  const t = await createTestDatabase();
  const auth = createTestAuth(t);
  // The admin only enqueues: no worker runs here, so queued work stays queued.
  const queue = await startProducerQueue(t, clock);
  await setupOwner(
    auth,
    t,
    { name: 'Rosa', email: 'rosa@example.org', password: 'rosa long password' },
    clock,
  );
  const owner = await signInStaff(auth, 'rosa@example.org', 'rosa long password');
  const as = (session: StaffSession) =>
    createCaller({
      handle: t,
      auth,
      clock,
      queue,
      session,
      adminUrl: 'http://localhost:3001',
      headers: new Headers(),
    });
  return {
    t,
    auth,
    queue,
    owner,
    api: () => as(owner),
    as,
    sessionFor: (role) => addStaff(auth, t, clock, role),
    cleanup: async () => {
      await queue.stop(1_000);
      await t.cleanup();
    },
  };
}

/**
 * The owner's API for one test file: started before its tests (on the file's clock) and stopped after them.
 * `s()` is the running OwnerApi (its database, queue…), `api()` the API as the owner.
 */
export function ownerApiForThisFile(clock: Clock): {
  s: () => OwnerApi;
  api: () => ReturnType<typeof createCaller>;
} {
  let running: OwnerApi | undefined;
  beforeAll(async () => {
    running = await startOwnerApi(clock);
  }, 60_000);
  afterAll(async () => {
    await running?.cleanup();
  });
  const s = () => {
    if (!running) throw new Error('the owner API is not started yet');
    return running;
  };
  return { s, api: () => s().api() };
}
