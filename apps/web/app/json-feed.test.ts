import { describe, expect, it } from 'vitest';
import { jsonFeedSchema, serializeJsonFeed, type JsonFeed } from './json-feed.js';

const feed: JsonFeed = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Andes Solidarity Network – News',
  home_page_url: 'https://example.org/',
  feed_url: 'https://example.org/feed.json',
  language: 'en',
  items: [
    {
      id: 'https://example.org/news/a',
      url: 'https://example.org/news/a',
      title: 'A',
      content_html: '<p>Body &amp; more</p>',
      summary: 'Short',
      date_published: '2026-11-26T10:00:00.000Z',
      date_modified: '2026-11-27T10:00:00.000Z',
      tags: ['Human rights'],
      language: 'en',
    },
  ],
};

describe('serializeJsonFeed', () => {
  it('writes JSON Feed 1.1 that parses back against the schema', () => {
    const parsed: unknown = JSON.parse(serializeJsonFeed(feed));
    expect(jsonFeedSchema.parse(parsed)).toEqual(feed);
    expect((parsed as JsonFeed).version).toBe('https://jsonfeed.org/version/1.1');
  });

  it('refuses a feed that breaks the spec', () => {
    expect(() => serializeJsonFeed({ ...feed, feed_url: 'not a url' })).toThrow();
    expect(() =>
      serializeJsonFeed({ ...feed, items: [{ ...feed.items[0]!, date_published: '26 November' }] }),
    ).toThrow();
    expect(() =>
      serializeJsonFeed({ ...feed, version: 'https://jsonfeed.org/version/1' as JsonFeed['version'] }),
    ).toThrow();
  });
});
