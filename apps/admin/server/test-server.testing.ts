// Integration tests serve the admin app on a free port of loopback and talk to it over real HTTP: a fresh test
// database (SQLite, or PostgreSQL with TEST_POSTGRES_URL), a queue that only enqueues as the admin's does (no
// worker runs, so queued work stays queued), and as many servers on them as a test file needs.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cookieFrom, createTestAuth } from '@ayni/auth/testing';
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import type { Clock } from '@ayni/domain';
import type { Queue } from '@ayni/jobs';
import { startProducerQueue } from '@ayni/jobs/testing';
import type { Express } from 'express';
import pino from 'pino';
import { createAdminApp } from './app.js';
import superjson from 'superjson';

/** createTestAuth's address: the origin the admin accepts for sign-in. */
export const ADMIN_ORIGIN = 'http://localhost:3001';

type AdminAppDeps = Parameters<typeof createAdminApp>[0];

export interface TestAdmin {
  t: TestDatabase;
  queue: Queue;
  /**
   * Serves the admin on a free port and gives its base URL. By default with createTestAuth, a silent logger and
   * the clock the test admin was started with; `options` replaces any of them.
   */
  serve(options?: Partial<AdminAppDeps>): Promise<string>;
  /** Closes every server, then the queue and the database (for afterAll; safe if start-up failed half-way). */
  stop(): Promise<void>;
}

export async function startTestAdmin(clock: Clock): Promise<TestAdmin> {
  const t = await createTestDatabase();
  const queue = await startProducerQueue(t, clock);
  const servers: Server[] = [];
  return {
    t,
    queue,
    async serve(options = {}) {
      const app = createAdminApp({
        handle: t,
        queue,
        auth: createTestAuth(t),
        clock,
        logger: pino({ level: 'silent' }),
        ...options,
      });
      const { server, base } = await listenOnFreePort(app);
      servers.push(server);
      return base;
    },
    async stop() {
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
      await queue.stop(1_000);
      await t.cleanup();
    },
  };
}

export async function listenOnFreePort(app: Express): Promise<{ server: Server; base: string }> {
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A built SPA stand-in in a temporary folder: its index.html and any files under it (e.g. 'assets/app.js'). */
export function writeClientDir(indexHtml: string, files: Record<string, string> = {}): string {
  const clientDir = mkdtempSync(path.join(tmpdir(), 'ayni-admin-client-'));
  writeFileSync(path.join(clientDir, 'index.html'), indexHtml);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(clientDir, name)), { recursive: true });
    writeFileSync(path.join(clientDir, name), content);
  }
  return clientDir;
}

/** JSON POSTed from the admin's own origin, as its pages send it. */
export const adminPost = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: ADMIN_ORIGIN, ...headers },
  body: JSON.stringify(body),
});

/** A procedure's input as the admin's client sends it: in superjson's envelope (`{ json, meta }`). */
export const trpcInput = (input: unknown) => superjson.serialize(input);

/** A procedure's answer out of superjson's envelope: `result.data` for a success, `error` for a refusal. */
export async function trpcBody<T>(res: Response): Promise<{
  data?: T;
  error?: { message: string; data: { code?: string; fieldErrors?: Record<string, string[]> | null } };
}> {
  const body = (await res.json()) as {
    result?: { data: Parameters<typeof superjson.deserialize>[0] };
    error?: Parameters<typeof superjson.deserialize>[0];
  };
  return body.result
    ? { data: superjson.deserialize<T>(body.result.data) }
    : { error: superjson.deserialize(body.error!) };
}

/**
 * Creates the first owner through the setup procedure and signs in with the sign-in form's request, as a browser
 * on the admin does; gives the session's Cookie header. Throws if either step is refused.
 */
export async function setUpOwnerAndSignIn(
  base: string,
  owner: { name: string; email: string; password: string },
): Promise<string> {
  const setup = await fetch(`${base}/trpc/setup.createOwner`, adminPost(trpcInput(owner)));
  if (setup.status !== 200) throw new Error(`Setting up the owner answered ${setup.status}`);
  const signIn = await fetch(
    `${base}/api/auth/sign-in/email`,
    adminPost({ email: owner.email, password: owner.password }),
  );
  if (signIn.status !== 200) throw new Error(`Signing in answered ${signIn.status}`);
  return cookieFrom(signIn);
}
