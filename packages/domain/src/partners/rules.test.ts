import { describe, expect, it } from 'vitest';
import { htmlToText, renderMarkdown } from '../articles/markdown.js';
import { articleInputSchema } from '../articles/schema.js';
import { resolveTopicNames } from '../topics/rules.js';
import {
  draftFromPartnerItem,
  nextFetchAfterFailure,
  nextFetchAfterSuccess,
  normalisePartnerItems,
  partnerFeedHealth,
} from './rules.js';
import { partnerFeedInputSchema, type RawPartnerItem } from './schema.js';

const now = new Date('2026-11-27T10:00:00Z');
const minutesAfter = (d: Date) => (d.getTime() - now.getTime()) / 60_000;

function raw(over: Partial<RawPartnerItem>): RawPartnerItem {
  return {
    guid: null,
    link: 'https://partner.example/news/1',
    title: 'Water rights hearing in Cusco',
    publishedAt: new Date('2026-11-26T09:00:00Z'),
    summaryHtml: '<p>The <b>hearing</b> was postponed.</p>',
    author: null,
    ...over,
  };
}

describe('fetch schedule', () => {
  it('fetches a healthy feed every 30 minutes', () => {
    expect(minutesAfter(nextFetchAfterSuccess(now))).toBe(30);
  });

  it('doubles the wait after each failure in a row and caps it at a day', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 30].map((n) => minutesAfter(nextFetchAfterFailure(now, n)))).toEqual([
      30, 60, 120, 240, 480, 960, 1440, 1440, 1440,
    ]);
  });
});

describe('partnerFeedHealth', () => {
  it('says paused before failing, failing before ok, and waiting until the first fetch', () => {
    const at = new Date('2026-11-27T10:00:00Z');
    expect(partnerFeedHealth({ paused: true, consecutiveFailures: 2, lastFetchedAt: at })).toBe('paused');
    expect(partnerFeedHealth({ paused: false, consecutiveFailures: 1, lastFetchedAt: at })).toBe('failing');
    expect(partnerFeedHealth({ paused: false, consecutiveFailures: 0, lastFetchedAt: at })).toBe('ok');
    expect(partnerFeedHealth({ paused: false, consecutiveFailures: 0, lastFetchedAt: null })).toBe('waiting');
  });
});

describe('normalisePartnerItems', () => {
  it('keeps plain text only: tags, scripts and styles are dropped, entities decoded', () => {
    const { items, warnings } = normalisePartnerItems(
      [
        raw({
          title: 'Caf&eacute; &amp; <i>community</i>',
          summaryHtml:
            '<p>Hello <script>alert(1)</script><img src=x onerror=alert(1)><style>p{}</style>world &lt;3</p>',
        }),
      ],
      now,
      htmlToText,
    );
    expect(warnings).toEqual([]);
    expect(items[0]!.title).toBe('Café & community');
    expect(items[0]!.summary).toBe('Hello world <3');
  });

  it('caps long summaries at a word boundary with an ellipsis', () => {
    const long = `<p>${'solidarity '.repeat(100)}</p>`;
    const [item] = normalisePartnerItems([raw({ summaryHtml: long })], now, htmlToText).items;
    expect(item!.summary.length).toBeLessThanOrEqual(500);
    expect(item!.summary.endsWith('solidarity…')).toBe(true);
  });

  it('skips items without a usable link and says so', () => {
    const { items, warnings } = normalisePartnerItems(
      [raw({ link: null }), raw({ link: 'javascript:alert(1)' }), raw({ link: 'https://ok.example/a' })],
      now,
      htmlToText,
    );
    expect(items.map((i) => i.link)).toEqual(['https://ok.example/a']);
    expect(warnings).toEqual(['2 items have no web link and were skipped']);
  });

  it('uses a permalink guid when the link is missing', () => {
    const { items } = normalisePartnerItems(
      [raw({ link: null, guid: 'https://partner.example/p/7' })],
      now,
      htmlToText,
    );
    expect(items[0]!.link).toBe('https://partner.example/p/7');
  });

  it('dates items without a date when first seen, and future dates as now', () => {
    const { items, warnings } = normalisePartnerItems(
      [
        raw({ guid: 'a', publishedAt: null }),
        raw({ guid: 'b', publishedAt: new Date('invalid') }),
        raw({ guid: 'c', publishedAt: new Date('2030-01-01T00:00:00Z') }),
      ],
      now,
      htmlToText,
    );
    expect(items.map((i) => i.publishedAt.toISOString())).toEqual(
      [now, now, now].map((d) => d.toISOString()),
    );
    expect(warnings).toEqual(['2 items have no valid date and are dated when first seen']);
  });

  it('keys items by guid, else link, and keeps the first of a repeated guid', () => {
    const { items, warnings } = normalisePartnerItems(
      [
        raw({ guid: 'g1', title: 'First' }),
        raw({ guid: 'g1', title: 'Second', link: 'https://partner.example/other' }),
        raw({ guid: null, link: 'https://partner.example/x' }),
      ],
      now,
      htmlToText,
    );
    expect(items.map((i) => [i.key, i.title])).toEqual([
      ['g1', 'First'],
      ['https://partner.example/x', 'Water rights hearing in Cusco'],
    ]);
    expect(warnings).toEqual(['1 item repeats the id of an earlier item and was skipped']);
  });

  it('uses the summary as the title when the title is missing, and skips items with neither', () => {
    const { items, warnings } = normalisePartnerItems(
      [raw({ guid: '1', title: null }), raw({ guid: '2', title: ' ', summaryHtml: null })],
      now,
      htmlToText,
    );
    expect(items.map((i) => i.title)).toEqual(['The hearing was postponed.']);
    expect(warnings).toEqual(['1 item has no title or summary and was skipped']);
  });
});

describe('draftFromPartnerItem', () => {
  const item = {
    title: 'Community radio wins licence',
    summary: 'After *two* years, the station can broadcast.',
    link: 'https://partner.example/radio?a=1&b=2',
    author: 'Rosa Quispe',
    publishedAt: new Date('2026-11-20T12:00:00Z'),
  };

  it('credits and links the source, in the feed language, with the feed topics; valid as an article', () => {
    const draft = draftFromPartnerItem(item, { name: 'Red Andina', language: 'es', topics: ['radio'] });
    expect(draft.language).toBe('es');
    expect(draft.topics).toEqual(['radio']);
    expect(draft.body).toContain(
      'Fuente: [Red Andina](<https://partner.example/radio?a=1&b=2>), por Rosa Quispe',
    );
    expect(draft.body).toContain('After \\*two\\* years');
    expect(articleInputSchema.safeParse(draft).success).toBe(true);
    const en = draftFromPartnerItem(
      { ...item, author: null },
      { name: 'Andean Net', language: 'en', topics: [] },
    );
    expect(en.body).toContain('Source: [Andean Net](<https://partner.example/radio?a=1&b=2>) (2026-11-20).');
  });
});

describe('the draft, rendered', () => {
  it('shows partner text as text and keeps the credit link whole, whatever characters they contain', () => {
    const draft = draftFromPartnerItem(
      {
        title: 'T',
        summary:
          '1. ~~Not struck~~ *nor emphasised* &amp; [not a link](https://evil.example) <b>x</b> ![img](x.png)',
        link: 'https://p.example/a b?x=\\*y*\\',
        author: '_Rosa_ & co',
        publishedAt: new Date('2026-11-20T12:00:00Z'),
      },
      { name: 'Red <Andina> [x]', language: 'en', topics: [] },
    );
    const html = renderMarkdown(draft.body ?? '');
    expect(html).toContain(
      '<blockquote>\n<p>1. ~~Not struck~~ *nor emphasised* &amp;amp; [not a link](https://evil.example) &lt;b&gt;x&lt;/b&gt; ![img](x.png)</p>\n</blockquote>',
    );
    expect(html).toContain(
      'Source: <a href="https://p.example/a%20b?x=%5C*y*%5C" rel="noopener noreferrer">Red &lt;Andina&gt; [x]</a>, by _Rosa_ &amp; co (2026-11-20).',
    );
    expect(html).not.toContain('<ol');
    expect(html).not.toContain('<s>');
    expect(html).not.toContain('<em>');
    expect(html).not.toContain('evil.example"');
  });
});

describe('partnerFeedInputSchema', () => {
  const ok = { url: 'https://partner.example/feed.xml', name: 'Partner', language: 'en' };
  const firstError = (input: unknown) => partnerFeedInputSchema.safeParse(input).error?.issues[0]?.message;

  it('accepts an http(s) address and keeps topics as typed (the use case finds or makes each topic)', () => {
    expect(
      partnerFeedInputSchema.parse({ ...ok, topics: [' Water Rights ', 'water rights'] }).topics,
    ).toEqual(['Water Rights', 'water rights']);
    expect(resolveTopicNames(['Water Rights', 'water rights'], []).slugs).toEqual(['water-rights']);
  });

  it('names the field and the problem', () => {
    expect(firstError({ ...ok, url: 'ftp://partner.example/feed' })).toBe(
      'Feed address must start with http:// or https://',
    );
    expect(firstError({ ...ok, url: 'not a url' })).toBe('Feed address is not a valid web address');
    expect(firstError({ ...ok, url: 'https://u:p@partner.example/' })).toBe(
      'Feed address must not contain a user name or password',
    );
    expect(firstError({ ...ok, name: '  ' })).toBe('Name is required');
    expect(firstError({ ...ok, language: 'fr' })).toBe('Language must be English (en) or Spanish (es)');
  });
});
