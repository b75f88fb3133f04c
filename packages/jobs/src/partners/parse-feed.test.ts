// Reading partner feeds: what staff and readers would see from each format, and the plain-English reason given
// when a body is not a usable feed. Fixtures are read from disk here; fetch-feed.test.ts serves them over HTTP.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedParseError, findXmlProblem, parseFeed, type ParsedFeed } from './parse-feed.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

function parseError(run: () => unknown): FeedParseError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(FeedParseError);
    expect((err as Error).name).toBe('FeedParseError');
    return err as FeedParseError;
  }
  throw new Error('expected a FeedParseError');
}

describe('good feeds', () => {
  it('reads RSS 2.0: relative links resolved, entities decoded, dc:creator and dc:date used', () => {
    const feed = parseFeed(fixture('rss.xml'), 'application/rss+xml', 'https://defensoras.example.org/feed/');
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Red de Defensoras & Defensores');
    expect(feed.items).toEqual([
      {
        guid: 'defensoras-2024-0412',
        link: 'https://defensoras.example.org/news/2024/water-hearing',
        title: 'Water committee wins hearing on the river & its wetlands',
        publishedAt: new Date('2024-04-12T09:30:00Z'),
        summaryHtml:
          "<p>The regional court agreed to hear the <strong>water committee</strong>'s complaint.</p>",
        author: 'Lucía Mamani',
      },
      {
        guid: 'https://defensoras.example.org/news/legal-clinic',
        link: 'https://defensoras.example.org/news/legal-clinic?lang=en&ref=rss',
        title: 'Café cooperative – new legal clinic opens',
        publishedAt: new Date('2024-03-02T15:00:00Z'),
        summaryHtml: 'Volunteer lawyers will meet families every Saturday &mdash; free of charge.',
        author: 'Tomás Quispe',
      },
    ]);
  });

  it('reads Atom: the alternate link against xml:base, published before updated, text escaped into HTML', () => {
    const feed = parseFeed(
      fixture('atom.xml'),
      'application/atom+xml',
      'https://observatorio.example.net/feed.atom',
    );
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Observatorio de Tierras & Territorios');
    expect(feed.items).toEqual([
      {
        guid: 'tag:observatorio.example.net,2024:entry-17',
        link: 'https://observatorio.example.net/blog/2024/05/land-titling',
        title: 'Land titling delayed for 40 communities',
        publishedAt: new Date('2024-05-18T13:00:00Z'),
        summaryHtml: '<p>Our count shows <em>40</em> communities still waiting.</p>',
        author: 'Rosa Huamán',
      },
      {
        guid: 'tag:observatorio.example.net,2024:entry-18',
        link: 'https://observatorio.example.net/blog/2024/05/budget',
        title: 'Budget 2025: what changes & what does not',
        publishedAt: new Date('2024-05-20T12:00:00Z'),
        summaryHtml: "Funding for land surveys &lt; last year's.",
        // No author on the entry: the feed's.
        author: 'Observatorio team',
      },
    ]);
  });

  it('reads JSON Feed 1.0: author object, summary as escaped text, external_url and date_modified as fallbacks', () => {
    const feed = parseFeed(
      fixture('feed-1.0.json'),
      'application/feed+json',
      'https://barriounido.example.com/feed.json',
    );
    expect(feed.format).toBe('json');
    expect(feed.title).toBe('Barrio Unido community radio');
    expect(feed.items).toEqual([
      {
        guid: 'radio-301',
        link: 'https://barriounido.example.com/episodes/301',
        title: "Tenants' assembly: rent strike vote",
        publishedAt: new Date('2024-06-01T16:00:00Z'),
        summaryHtml: 'Neighbours vote on the next steps &amp; share &lt;advice&gt;.',
        author: 'Marta Ruiz',
      },
      {
        guid: '302',
        link: 'https://partner-news.example.org/story/clinic',
        title: 'Mobile clinic returns to the market',
        publishedAt: new Date('2024-06-03T09:00:00Z'),
        summaryHtml: '<p>Free check-ups on Thursdays.</p>',
        author: 'Barrio Unido collective',
      },
    ]);
  });

  it('reads JSON Feed 1.1: authors array, content_text, a relative url, an unparseable date as null', () => {
    const feed = parseFeed(
      fixture('feed-1.1.json'),
      'application/feed+json',
      'https://vocesdelsur.example.org/feed.json',
    );
    expect(feed.format).toBe('json');
    expect(feed.title).toBe('Voces del Sur newsletter');
    expect(feed.items).toEqual([
      {
        guid: 'vds-88',
        link: 'https://vocesdelsur.example.org/notas/88',
        title: "Miners' families demand safety inspections",
        publishedAt: new Date('2024-07-08T11:15:00Z'),
        summaryHtml:
          'Relatives gathered outside the ministry on Monday.\nThey asked for monthly inspections.',
        author: 'Carmen Flores',
      },
      {
        guid: 'vds-89',
        link: 'https://vocesdelsur.example.org/notas/89',
        title: 'Indigenous radio licence renewed',
        publishedAt: null,
        summaryHtml: '<p>The licence runs for ten more years.</p>',
        author: 'Voces del Sur editors',
      },
    ]);
  });

  it('returns items without dates or links with nulls, keeps both items sharing a GUID, drops unsafe links', () => {
    const feed = parseFeed(
      fixture('rss-incomplete.xml'),
      'application/xml',
      'https://vecinos.example.org/rss',
    );
    expect(feed.items).toHaveLength(5);
    const [undated, first, second, bare, unsafe] = feed.items as [
      ParsedFeed['items'][number],
      ...ParsedFeed['items'],
    ];
    expect(undated).toMatchObject({ guid: 'minutes-7', link: null, publishedAt: null, author: null });
    expect(first).toMatchObject({ guid: 'notice-12', link: 'https://vecinos.example.org/notices/water-cut' });
    expect(first?.publishedAt).toEqual(new Date('2024-01-15T07:00:00Z'));
    expect(second).toMatchObject({
      guid: 'notice-12',
      title: 'Same notice, posted twice (corrected)',
      publishedAt: null,
    });
    expect(bare).toEqual({
      guid: null,
      link: null,
      title: null,
      publishedAt: null,
      summaryHtml: 'An item with neither title, link nor guid.',
      author: null,
    });
    expect(unsafe).toMatchObject({ title: 'Unsafe link', link: null });
  });

  it('decodes the charset the XML declaration names', () => {
    const feed = parseFeed(fixture('rss-latin1.xml'), 'application/rss+xml', 'https://rios.example.org/feed');
    expect(feed.title).toBe('Asociación Señora de los Ríos');
    expect(feed.items[0]?.title).toBe('Reunión en Ñuñoa: niños y niñas');
  });

  it('lets the Content-Type charset win over the XML declaration, and reads UTF-8 by default', () => {
    const xml =
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Año</title></channel></rss>';
    expect(parseFeed(Buffer.from(xml, 'utf8'), 'text/xml; charset=utf-8', 'https://x.example/').title).toBe(
      'Año',
    );
    const plain = '<rss version="2.0"><channel><title>Año</title></channel></rss>';
    expect(parseFeed(Buffer.from(plain, 'utf8'), null, 'https://x.example/').title).toBe('Año');
    expect(
      parseFeed(Buffer.from(plain, 'latin1'), 'application/xml; charset=windows-1252', 'https://x.example/')
        .title,
    ).toBe('Año');
  });

  it('uses an RSS guid as the link only when it is a permalink URL', () => {
    const xml = `<rss version="2.0"><channel><title>G</title>
      <item><guid>https://g.example/a</guid></item>
      <item><guid isPermaLink="false">https://g.example/b</guid></item>
      <item><guid>just-an-id</guid></item></channel></rss>`;
    const links = parseFeed(xml, 'application/rss+xml', 'https://g.example/feed').items.map((i) => i.link);
    expect(links).toEqual(['https://g.example/a', null, null]);
  });

  it('accepts a real feed even when the server labels it text/html', () => {
    const feed = parseFeed(
      fixture('rss.xml'),
      'text/html; charset=utf-8',
      'https://defensoras.example.org/feed/',
    );
    expect(feed.items).toHaveLength(2);
  });
});

describe('bodies that are not usable feeds', () => {
  it('reports an HTML page, by its content or by its content type', () => {
    const message = 'The address returned an HTML page, not a feed';
    expect(
      parseError(() => parseFeed(fixture('html-page.html'), 'text/html', 'https://p.example/')).message,
    ).toBe(message);
    // Served with a feed content type, the body still gives it away.
    expect(
      parseError(() => parseFeed(fixture('html-page.html'), 'application/rss+xml', 'https://p.example/'))
        .message,
    ).toBe(message);
    expect(
      parseError(() => parseFeed('<!-- cms --><html><body>Hi</body></html>', null, 'https://p.example/'))
        .message,
    ).toBe(message);
    expect(parseError(() => parseFeed('<div>News</div>', 'text/html', 'https://p.example/')).message).toBe(
      message,
    );
  });

  it('reports malformed XML with where it breaks, instead of importing part of it', () => {
    expect(
      parseError(() => parseFeed(fixture('malformed.xml'), 'application/rss+xml', 'https://p.example/'))
        .message,
    ).toBe(
      "The feed is not well-formed XML: Expected closing tag 'item' (opened in line 5, col 5) instead of closing tag 'channel'. (line 8)",
    );
    expect(
      parseError(() =>
        parseFeed(
          '<rss version="2.0"><channel><title>A < B</title></channel></rss>',
          null,
          'https://p.example/',
        ),
      ).message,
    ).toBe("The feed is not well-formed XML: Invalid space after '<'. (line 1)");
    expect(
      parseError(() => parseFeed('<rss version="2.0"><channel><title>Cut off', null, 'https://p.example/'))
        .message,
    ).toBe('The feed is not well-formed XML: the document ends before <title>, <channel>, <rss> are closed');
  });

  it('reports invalid JSON', () => {
    const error = parseError(() =>
      parseFeed(
        '{"version": "https://jsonfeed.org/version/1.1", "items": [',
        'application/feed+json',
        'https://p.example/',
      ),
    );
    expect(error.message).toMatch(/^The feed is not valid JSON: /);
  });

  it('reports JSON, XML or text that is not a feed', () => {
    const message = 'Not a recognised feed (RSS 2.0, Atom or JSON Feed)';
    expect(
      parseError(() => parseFeed('{"status":"ok","data":[1,2]}', 'application/json', 'https://p.example/'))
        .message,
    ).toBe(message);
    expect(
      parseError(() => parseFeed('[{"title":"x"}]', 'application/json', 'https://p.example/')).message,
    ).toBe(message);
    const sitemap = '<?xml version="1.0"?><urlset><url><loc>https://p.example/</loc></url></urlset>';
    expect(parseError(() => parseFeed(sitemap, 'application/xml', 'https://p.example/')).message).toBe(
      message,
    );
    expect(
      parseError(() => parseFeed('Service temporarily unavailable', 'text/plain', 'https://p.example/'))
        .message,
    ).toBe(message);
    expect(parseError(() => parseFeed(Buffer.alloc(0), null, 'https://p.example/')).message).toBe(
      'The feed is empty',
    );
  });
});

describe('findXmlProblem', () => {
  it('accepts a prolog, a DOCTYPE with an internal subset, comments, CDATA and HTML entities', () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY org "Ayni"> ]>
<!-- generated -->
<rss version="2.0"><channel><title><![CDATA[a < b & c]]></title><x:y/><p>caf&eacute;</p></channel></rss>`;
    expect(findXmlProblem(xml)).toBeNull();
  });

  it('names what is wrong and where', () => {
    expect(findXmlProblem('<rss><channel><item></channel></rss>')).toBe(
      "Expected closing tag 'item' (opened in line 1, col 15) instead of closing tag 'channel'. (line 1)",
    );
    expect(findXmlProblem('<a></a>junk')).toBe('Extra text at the end (line 1)');
    expect(findXmlProblem('<a href=x></a>')).toBe("Attribute 'href' is without value. (line 1)");
  });
});
