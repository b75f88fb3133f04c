import { describe, expect, it } from 'vitest';
import { isCrossSite } from './csrf.server.js';

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
