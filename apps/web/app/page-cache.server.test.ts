import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, isKeepable, PageCache, type CachedPage } from './page-cache.server.js';

const page = (bytes: number, etag = 'W/"a"'): CachedPage => ({
  etag,
  contentTag: 'W/"c"',
  body: Buffer.alloc(bytes),
  gzipped: undefined,
  headers: {},
  scriptSources: [],
});

describe('PageCache', () => {
  it('stays within its bytes, dropping the least recently used first', () => {
    const cache = new PageCache(10_000);
    cache.set('/a', page(3_000));
    cache.set('/b', page(3_000));
    cache.set('/c', page(3_000));
    cache.get('/a');
    cache.set('/d', page(3_000));
    expect(cache.get('/b')).toBeUndefined();
    expect(cache.get('/a')).toBeDefined();
    expect(cache.get('/c')).toBeDefined();
    expect(cache.get('/d')).toBeDefined();
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
  });

  it('replaces a page’s entry instead of adding one, and never keeps a page bigger than the whole cache', () => {
    const cache = new PageCache(10_000);
    cache.set('/a', page(1_000, 'W/"1"'));
    cache.set('/a', page(1_000, 'W/"2"'));
    expect(cache.size).toBe(1);
    expect(cache.get('/a')?.etag).toBe('W/"2"');
    cache.set('/huge', page(20_000));
    expect(cache.get('/huge')).toBeUndefined();
    expect(cache.get('/a')).toBeDefined();
  });

  it('counts a gzipped copy against the limit', () => {
    const cache = new PageCache(10_000);
    const a = page(4_000);
    cache.set('/a', a);
    cache.set('/b', page(4_000));
    const before = cache.bytes;
    cache.setGzipped('/b', cache.get('/b')!, Buffer.alloc(500));
    expect(cache.bytes).toBe(before + 500);
    cache.setGzipped('/a', cache.get('/a')!, Buffer.alloc(2_000));
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
    expect(cache.get('/b')).toBeUndefined();
  });
});

describe('inlineScriptHashes', () => {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

  it('hashes the inline scripts that carry the render’s nonce, and nothing else', () => {
    const html = [
      '<script nonce="n0nce">window.a = "é";</script>',
      '<script type="module" async="" nonce="n0nce">import "/assets/x.js";</script>',
      '<script nonce="n0nce">window.a = "é";</script>',
      '<script nonce="other">evil()</script>',
      '<script>evil()</script>',
      '<script type="application/ld+json">{"a":1}</script>',
      '<script nonce="n0nce" src="/assets/y.js"></script>',
      '<p title="<script nonce=&quot;n0nce&quot;>evil()</script>">x</p>',
    ].join('');
    expect(inlineScriptHashes(html, 'n0nce')).toEqual([
      hash('window.a = "é";'),
      hash('import "/assets/x.js";'),
    ]);
  });
});

describe('isKeepable', () => {
  const TAG = 'W/"render"';
  const headers =
    (extra: Record<string, string | string[]> = {}) =>
    (name: string) =>
      ({ 'content-type': 'text/html; charset=utf-8', etag: TAG, ...extra })[name.toLowerCase()];

  it('keeps a public HTML page sent with this render’s tag', () => {
    expect(isKeepable(200, headers(), TAG)).toBe(true);
    expect(isKeepable(200, headers({ 'cache-control': 'public, max-age=0, must-revalidate' }), TAG)).toBe(
      true,
    );
  });

  it('never keeps another status, another type or another render’s tag', () => {
    expect(isKeepable(404, headers(), TAG)).toBe(false);
    expect(isKeepable(200, headers({ 'content-type': 'application/json' }), TAG)).toBe(false);
    // A calendar file sent with the render's tag is kept (the /events.ics feed), with another tag it is not.
    expect(isKeepable(200, headers({ 'content-type': 'text/calendar; charset=utf-8' }), TAG)).toBe(true);
    expect(isKeepable(200, headers({ 'content-type': 'text/calendar; charset=utf-8' }), 'W/"other"')).toBe(
      false,
    );
    expect(isKeepable(200, headers(), 'W/"other"')).toBe(false);
  });

  it('never keeps a page that sets a cookie, or that its route marked private or no-store', () => {
    expect(isKeepable(200, headers({ 'set-cookie': ['session=abc; HttpOnly'] }), TAG)).toBe(false);
    expect(isKeepable(200, headers({ 'set-cookie': 'session=abc' }), TAG)).toBe(false);
    expect(isKeepable(200, headers({ 'cache-control': 'private, max-age=0' }), TAG)).toBe(false);
    expect(isKeepable(200, headers({ 'cache-control': 'no-store' }), TAG)).toBe(false);
    expect(isKeepable(200, headers({ 'cache-control': 'Public, No-Store' }), TAG)).toBe(false);
  });
});
