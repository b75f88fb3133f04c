// Every admin response carries the same security headers — the SPA's page, its 304, static assets (first and
// repeat requests), the API, better-auth and errors — and the policy lets images and styles come only from the
// admin, the organisation's site (read from the settings) and https, so a draft's preview cannot fetch http://.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestAuth } from '@ayni/auth/testing';
import { saveSettings } from '@ayni/db';
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import { fixedClock } from '@ayni/domain';
import type { Queue } from '@ayni/jobs';
import { startProducerQueue } from '@ayni/jobs/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminApp } from './app.js';
import { listenOnFreePort } from './listen.testing.js';

const clock = fixedClock('2026-11-27T12:00:00.000Z');
let t: TestDatabase;
let queue: Queue;
const servers: Server[] = [];
let base: string;
let httpsBase: string;

async function start(adminUrl: string, clientDir: string): Promise<string> {
  const app = createAdminApp({
    handle: t,
    queue,
    auth: createTestAuth(t),
    clock,
    logger: pino({ level: 'silent' }),
    clientDir,
    adminUrl,
  });
  const { server, base } = await listenOnFreePort(app);
  servers.push(server);
  return base;
}

beforeAll(async () => {
  t = await createTestDatabase();
  queue = await startProducerQueue(t, clock);
  await saveSettings(t.db, { siteUrl: 'http://localhost:3000' });
  const clientDir = mkdtempSync(path.join(tmpdir(), 'ayni-admin-client-'));
  mkdirSync(path.join(clientDir, 'assets'));
  writeFileSync(
    path.join(clientDir, 'index.html'),
    '<!doctype html><title>Ayni admin</title><script type="module" src="/assets/app.js"></script><div id="root"></div>',
  );
  writeFileSync(path.join(clientDir, 'assets', 'app.js'), 'console.log("admin");\n');
  base = await start('http://localhost:3001', clientDir);
  httpsBase = await start('https://admin.example.org', clientDir);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await queue?.stop(1_000);
  await t?.cleanup();
});

function csp(res: Response): Map<string, string[]> {
  const header = res.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

/** What a browser sends when it checks its copy (fetch would add `Cache-Control: no-cache`, which skips 304s). */
const revalidate = (etag: string) => ({ 'if-none-match': etag, 'cache-control': 'max-age=0' });

function expectSecurityHeaders(res: Response, siteOrigin = 'http://localhost:3000') {
  const where = `${res.url} (${res.status})`;
  const policy = csp(res);
  expect(policy.get('default-src'), where).toEqual(["'self'"]);
  expect(policy.get('script-src'), where).toEqual(["'self'"]);
  expect(policy.get('frame-ancestors'), where).toEqual(["'none'"]);
  expect(policy.get('object-src'), where).toEqual(["'none'"]);
  expect(policy.get('img-src'), where).toEqual(["'self'", siteOrigin, 'https:']);
  expect(policy.get('style-src'), where).toEqual(["'self'", siteOrigin, 'https:']);
  expect(res.headers.get('x-content-type-options'), where).toBe('nosniff');
  expect(res.headers.get('x-frame-options'), where).toBe('DENY');
  expect(res.headers.get('referrer-policy'), where).toBe('strict-origin-when-cross-origin');
  expect(res.headers.get('permissions-policy'), where).toMatch(/camera=\(\).*microphone=\(\)/);
  // The admin is on http here: no HSTS (it would be ignored, and it would pin localhost for other apps).
  expect(res.headers.get('strict-transport-security'), where).toBeNull();
}

describe('security headers on the admin', () => {
  it('are on the SPA page, its repeat and its 304', async () => {
    const first = await fetch(`${base}/articles/new`);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('<div id="root"></div>');
    expectSecurityHeaders(first);

    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const revalidated = await fetch(`${base}/`, { headers: revalidate(etag!) });
    expect(revalidated.status).toBe(304);
    expectSecurityHeaders(revalidated);
  });

  it('are on static assets, first, repeated and revalidated', async () => {
    const first = await fetch(`${base}/assets/app.js`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toMatch(/immutable/);
    expectSecurityHeaders(first);
    const repeat = await fetch(`${base}/assets/app.js`);
    expect(repeat.status).toBe(200);
    expectSecurityHeaders(repeat);
    const revalidated = await fetch(`${base}/assets/app.js`, {
      headers: revalidate(first.headers.get('etag')!),
    });
    expect(revalidated.status).toBe(304);
    expectSecurityHeaders(revalidated);
  });

  it('are on API, better-auth and error responses', async () => {
    const responses = [
      await fetch(`${base}/trpc/setup.status`),
      await fetch(`${base}/trpc/dashboard.summary`),
      await fetch(`${base}/trpc/no.such.procedure`),
      await fetch(`${base}/api/auth/get-session`),
      await fetch(`${base}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@example.org', password: 'not a password' }),
      }),
      await fetch(`${base}/api/auth/sign-up/email`, { method: 'POST' }),
      await fetch(`${base}/nothing/here`, { method: 'POST' }),
      await fetch(`${base}/healthz`),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 401, 404, 200, 401, 404, 404, 200]);
    for (const res of responses) expectSecurityHeaders(res);
  });

  it('send HSTS when the admin is served over https', async () => {
    const res = await fetch(`${httpsBase}/`);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    expect(csp(res).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('follow a change of the site address within a minute', async () => {
    await saveSettings(t.db, { siteUrl: 'https://news.example.org/' });
    clock.advance(61_000);
    const res = await fetch(`${base}/`);
    expect(csp(res).get('img-src')).toEqual(["'self'", 'https://news.example.org', 'https:']);
    expect(csp(res).get('style-src')).toEqual(["'self'", 'https://news.example.org', 'https:']);
  });
});
