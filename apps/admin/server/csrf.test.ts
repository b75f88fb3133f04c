// Which requests may change something: the admin's own JSON calls, told apart by Origin or, when a browser sends
// none, by Sec-Fetch-Site. The HTTP side (cookies, the queue) is in api-guards.int.test.ts.
import type { IncomingHttpHeaders } from 'node:http';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { assertSameOriginJson } from './csrf.js';

const OWN = 'http://localhost:3001';
const isOwnOrigin = (origin: string) => origin === OWN;
const json = { 'content-type': 'application/json' };

/** The tRPC code a request is refused with, or 'accepted'. */
function verdict(headers: IncomingHttpHeaders, method = 'POST'): string {
  try {
    assertSameOriginJson({ method, headers }, isOwnOrigin);
    return 'accepted';
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}

describe('assertSameOriginJson', () => {
  it.each([
    ['the admin’s own Origin', { origin: OWN }],
    ['no Origin, Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }],
    ['neither header (not a browser, so no one else’s cookie)', {}],
    ['JSON with a charset', { origin: OWN, 'content-type': 'Application/JSON; charset=utf-8' }],
  ])('accepts %s', (_name, headers) => {
    expect(verdict({ ...json, ...headers })).toBe('accepted');
  });

  it.each([
    ['another origin', { origin: 'http://localhost:8765' }],
    [
      'another origin that says same-origin',
      { origin: 'http://localhost:8765', 'sec-fetch-site': 'same-origin' },
    ],
    ['Origin: null', { origin: 'null' }],
    ['Origin: null with Sec-Fetch-Site: same-origin', { origin: 'null', 'sec-fetch-site': 'same-origin' }],
    ['no Origin, Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['no Origin, Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
    ['no Origin, Sec-Fetch-Site: none', { 'sec-fetch-site': 'none' }],
  ])('refuses %s as FORBIDDEN, JSON or not', (_name, headers) => {
    expect(verdict({ ...json, ...headers })).toBe('FORBIDDEN');
    expect(verdict({ 'content-type': 'text/plain', ...headers })).toBe('FORBIDDEN');
  });

  it.each([
    ['a form', 'multipart/form-data; boundary=x'],
    ['an urlencoded form', 'application/x-www-form-urlencoded'],
    ['text', 'text/plain'],
    ['no type', undefined],
  ])('refuses %s from the admin itself as UNSUPPORTED_MEDIA_TYPE', (_name, type) => {
    const headers: IncomingHttpHeaders = { origin: OWN, 'sec-fetch-site': 'same-origin' };
    if (type) headers['content-type'] = type;
    expect(verdict(headers)).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('lets reads through whatever their origin (queries change nothing)', () => {
    expect(verdict({ origin: 'http://localhost:8765' }, 'GET')).toBe('accepted');
    expect(verdict({ 'sec-fetch-site': 'cross-site' }, 'HEAD')).toBe('accepted');
  });
});
