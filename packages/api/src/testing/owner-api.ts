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
import { createTestAuth } from '@ayni/auth/testing';
import { insertInvitation } from '@ayni/db';
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
  cleanup(): Promise<void>;
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
  const owner = await signInAs(auth, 'rosa@example.org', 'rosa long password');
  return {
    t,
    auth,
    queue,
    owner,
    api: () =>
      createCaller({
        handle: t,
        auth,
        clock,
        queue,
        session: owner,
        adminUrl: 'http://localhost:3001',
        headers: new Headers(),
      }),
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

/** Signs in through better-auth's own endpoint: the session its cookie opens. */
export async function signInAs(auth: Auth, email: string, password: string): Promise<StaffSession> {
  const res = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const session = await staffSessionFrom(auth, new Headers({ cookie }));
  if (!session) throw new Error(`no session for ${email}`);
  return session;
}

/** A member of staff in `role` (role@example.org), invited, accepted and signed in: their session. */
export async function sessionFor(
  { t, auth }: Pick<OwnerApi, 't' | 'auth'>,
  role: StaffRole,
  clock: Clock,
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
  return signInAs(auth, `${role}@example.org`, `${role} long password`);
}
