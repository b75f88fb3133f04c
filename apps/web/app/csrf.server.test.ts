import { describe, expect, it } from 'vitest';
import { isCrossSite, isOneClickUnsubscribe, isUnsubscribePath } from './csrf.server.js';

const SITE = 'https://example.org';

describe('isCrossSite', () => {
  it.each([
    [{ origin: 'https://example.org' }, false],
    [{ origin: 'https://example.org', 'sec-fetch-site': 'same-origin' }, false],
    [{ origin: 'null', 'sec-fetch-site': 'same-origin' }, false],
    [{ 'sec-fetch-site': 'same-origin' }, false],
    [{ 'sec-fetch-site': 'none' }, false],
    [{}, false],
    [{ origin: 'https://evil.example' }, true],
    [{ origin: 'http://example.org' }, true],
    [{ origin: 'https://example.org:8443' }, true],
    [{ origin: 'https://sub.example.org', 'sec-fetch-site': 'same-site' }, true],
    [{ origin: 'null' }, true],
    [{ origin: 'null', 'sec-fetch-site': 'cross-site' }, true],
    [{ 'sec-fetch-site': 'cross-site' }, true],
    [{ 'sec-fetch-site': 'same-site' }, true],
  ])('%j → %s', (headers, crossSite) => expect(isCrossSite(headers, SITE)).toBe(crossSite));
});

describe('the one-click unsubscribe exception (RFC 8058)', () => {
  it.each([
    ['/unsubscribe/AbC-_12', true],
    ['/es/unsubscribe/AbC-_12', true],
    ['/unsubscribe', false],
    ['/unsubscribe/', false],
    ['/unsubscribe/a/b', false],
    ['/campaigns/water', false],
    ['/campaigns/confirm/AbC', false],
    ['/fr/unsubscribe/AbC', false],
  ])('%s is the unsubscribe page: %s', (path, expected) => expect(isUnsubscribePath(path)).toBe(expected));

  const form = 'application/x-www-form-urlencoded';
  const multipart = (parts: string) =>
    ['multipart/form-data; boundary=XyZ', Buffer.from(`${parts}--XyZ--\r\n`)] as const;
  const part = (name: string, value: string) =>
    `--XyZ\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;

  it('accepts exactly the one-click form, urlencoded or multipart', async () => {
    expect(await isOneClickUnsubscribe(form, Buffer.from('List-Unsubscribe=One-Click'))).toBe(true);
    expect(
      await isOneClickUnsubscribe(`${form}; charset=utf-8`, Buffer.from('List-Unsubscribe=One-Click')),
    ).toBe(true);
    expect(await isOneClickUnsubscribe(...multipart(part('List-Unsubscribe', 'One-Click')))).toBe(true);
  });

  it.each([
    [form, 'List-Unsubscribe=One-Click&name=x'],
    [form, 'List-Unsubscribe=Two-Clicks'],
    [form, 'list-unsubscribe=one-click'],
    [form, ''],
    ['text/plain', 'List-Unsubscribe=One-Click'],
    ['application/json', '{"List-Unsubscribe":"One-Click"}'],
    [undefined, 'List-Unsubscribe=One-Click'],
    [form, `List-Unsubscribe=One-Click&pad=${'x'.repeat(1100)}`],
  ])('refuses anything else: %s %j', async (type, body) => {
    expect(await isOneClickUnsubscribe(type, Buffer.from(body))).toBe(false);
  });

  it('refuses a multipart body with another field or a broken boundary', async () => {
    expect(
      await isOneClickUnsubscribe(...multipart(part('List-Unsubscribe', 'One-Click') + part('x', 'y'))),
    ).toBe(false);
    expect(
      await isOneClickUnsubscribe('multipart/form-data; boundary=Other', Buffer.from(part('a', 'b'))),
    ).toBe(false);
  });
});
