import { describe, expect, it } from 'vitest';
import { loadWebEnv } from './env.server.js';

describe('loadWebEnv', () => {
  it('works with nothing set', () => {
    expect(loadWebEnv({})).toEqual({
      PORT: 3000,
      HOST: '0.0.0.0',
      PAGE_CACHE: 'on',
      PAGE_CACHE_MB: 32,
      CAMPAIGN_COUNT_SECONDS: 60,
      TRUST_PROXY: false,
      siteOrigin: 'http://localhost:3000',
    });
    expect(loadWebEnv({ PORT: '3100' }).siteOrigin).toBe('http://localhost:3100');
  });

  it('reads how old a signature count may be, and which proxy to trust, refusing nonsense', () => {
    expect(loadWebEnv({ CAMPAIGN_COUNT_SECONDS: '1', TRUST_PROXY: 'loopback' })).toMatchObject({
      CAMPAIGN_COUNT_SECONDS: 1,
      TRUST_PROXY: 'loopback',
    });
    expect(() => loadWebEnv({ CAMPAIGN_COUNT_SECONDS: '0' })).toThrow(
      'CAMPAIGN_COUNT_SECONDS must be a whole number of seconds (1-3600)',
    );
  });

  it('reads the site’s address as an origin', () => {
    expect(loadWebEnv({ SITE_URL: 'https://Example.org/' }).siteOrigin).toBe('https://example.org');
    expect(loadWebEnv({ SITE_URL: 'http://localhost:3100' }).siteOrigin).toBe('http://localhost:3100');
    expect(loadWebEnv({ SITE_URL: 'https://example.org:443' }).siteOrigin).toBe('https://example.org');
  });

  it.each([
    [{ SITE_URL: 'example.org' }, /^SITE_URL must be/],
    [{ SITE_URL: 'https://example.org/news' }, /^SITE_URL must be/],
    [{ SITE_URL: 'ftp://example.org' }, /^SITE_URL must be/],
    [{ SITE_URL: 'https://user@example.org' }, /^SITE_URL must be/],
    [{ SITE_URL: 'https://example.org/?a' }, /^SITE_URL must be/],
    [{ PAGE_CACHE: 'no' }, /^PAGE_CACHE must be on or off$/],
    [{ PAGE_CACHE_MB: '0' }, /^PAGE_CACHE_MB must be/],
    [{ PORT: 'x' }, /^PORT must be a port number/],
  ])('stops on %j with one line naming the variable', (env, message) => {
    expect(() => loadWebEnv(env)).toThrow(message);
  });
});
