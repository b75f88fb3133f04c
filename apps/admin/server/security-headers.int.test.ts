// Every admin response carries the same security headers — the SPA's page, its 304, static assets (first and
// repeat requests), the API, better-auth and errors — and the policy lets images and styles come only from the
// admin, the organisation's site (read from the settings) and https, so a draft's preview cannot fetch http://.
import { saveSettings } from '@ayni/db';
import type { TestDatabase } from '@ayni/db/testing';
import { fixedClock } from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAdmin, writeClientDir, type TestAdmin } from './test-server.testing.js';

const clock = fixedClock('2026-11-27T12:00:00.000Z');
let admin: TestAdmin;
let t: TestDatabase;
let base: string;
let httpsBase: string;

beforeAll(async () => {
  admin = await startTestAdmin(clock);
  t = admin.t;
  await saveSettings(t.db, { siteUrl: 'http://localhost:3000' });
  const clientDir = writeClientDir(
    '<!doctype html><title>Ayni admin</title><script type="module" src="/assets/app.js"></script><div id="root"></div>',
    { 'assets/app.js': 'console.log("admin");\n' },
  );
  base = await admin.serve({ clientDir, adminUrl: 'http://localhost:3001' });
  httpsBase = await admin.serve({ clientDir, adminUrl: 'https://admin.example.org' });
});
afterAll(() => admin?.stop());

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
