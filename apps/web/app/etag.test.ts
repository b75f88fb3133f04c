import { describe, expect, it } from 'vitest';
import { etagMatches, makeEtag, PUBLIC_CACHE_CONTROL, setPageCaching } from './etag.js';

describe('makeEtag', () => {
  it('is a weak tag that changes with any of its parts', () => {
    const tag = makeEtag(['fp1', '/news?page=2', 'en']);
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(makeEtag(['fp1', '/news?page=2', 'en'])).toBe(tag);
    expect(makeEtag(['fp2', '/news?page=2', 'en'])).not.toBe(tag);
    expect(makeEtag(['fp1', '/news?page=3', 'en'])).not.toBe(tag);
    expect(makeEtag(['fp1', '/news?page=2', 'es'])).not.toBe(tag);
  });

  it('does not confuse parts that concatenate to the same text', () => {
    expect(makeEtag(['ab', 'c'])).not.toBe(makeEtag(['a', 'bc']));
  });
});

describe('etagMatches', () => {
  const tag = makeEtag(['x']);
  it('matches the same tag, weak or strong, alone or in a list, and *', () => {
    expect(etagMatches(tag, tag)).toBe(true);
    expect(etagMatches(tag.replace('W/', ''), tag)).toBe(true);
    expect(etagMatches(`W/"other", ${tag}`, tag)).toBe(true);
    expect(etagMatches('*', tag)).toBe(true);
  });
  it('does not match another tag or a missing header', () => {
    expect(etagMatches('W/"other"', tag)).toBe(false);
    expect(etagMatches(null, tag)).toBe(false);
    expect(etagMatches('', tag)).toBe(false);
  });
});

describe('setPageCaching', () => {
  it('gives a page its tag and the public default', () => {
    const headers = new Headers();
    setPageCaching(headers, 'W/"t"');
    expect(headers.get('ETag')).toBe('W/"t"');
    expect(headers.get('Cache-Control')).toBe(PUBLIC_CACHE_CONTROL);
  });

  it('keeps the Cache-Control a route set in its headers', () => {
    const headers = new Headers({ 'Cache-Control': 'private, no-store' });
    setPageCaching(headers, 'W/"t"');
    expect(headers.get('Cache-Control')).toBe('private, no-store');
  });
});
