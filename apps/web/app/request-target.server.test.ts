import { describe, expect, it } from 'vitest';
import { LISTING_PARAMS, SEARCH_PARAMS } from './page-params.js';
import {
  canonicalCasePath,
  canonicalLocation,
  isValidHost,
  readTarget,
  routePatterns,
  trimmedPath,
} from './request-target.server.js';

const SITE = 'https://example.org';

const routes = {
  root: { id: 'root', path: '', module: {} },
  'routes/_index': { id: 'routes/_index', parentId: 'root', index: true, module: {} },
  'routes/news._index': {
    id: 'routes/news._index',
    parentId: 'root',
    path: 'news',
    index: true,
    module: { handle: { pageParams: LISTING_PARAMS } },
  },
  'routes/search': {
    id: 'routes/search',
    parentId: 'root',
    path: 'search',
    module: { handle: { pageParams: SEARCH_PARAMS } },
  },
  'routes/news.$slug': { id: 'routes/news.$slug', parentId: 'root', path: 'news/:slug', module: {} },
  'routes/$slug': { id: 'routes/$slug', parentId: 'root', path: ':slug', module: {} },
  'routes/$': { id: 'routes/$', parentId: 'root', path: '*', module: {} },
  'es/routes/_index': { id: 'es/routes/_index', parentId: 'root', path: 'es', index: true, module: {} },
  'es/routes/news._index': {
    id: 'es/routes/news._index',
    parentId: 'root',
    path: 'es/news',
    index: true,
    module: { handle: { pageParams: LISTING_PARAMS } },
  },
  'es/routes/$slug': { id: 'es/routes/$slug', parentId: 'root', path: 'es/:slug', module: {} },
  'es/topics': { id: 'es/topics', parentId: 'root', path: 'es/topics/:slug/feed.xml', module: {} },
} as unknown as Parameters<typeof routePatterns>[0];
const patterns = routePatterns(routes);

describe('isValidHost', () => {
  it.each([
    'localhost',
    'localhost:3000',
    'www.example.org',
    'www.example.org.',
    '127.0.0.1:8080',
    '[::1]:3000',
    'a-b.c_d.example',
  ])('accepts %j', (host) => expect(isValidHost(host)).toBe(true));
  it.each([
    undefined,
    '',
    'localhost/es#',
    'localhost?q=1',
    'localhost#x',
    'a b',
    'x@localhost',
    'localhost:',
    'localhost:99999',
    '-bad.example',
    'localhost:3000:1',
    `${'a'.repeat(300)}.org`,
  ])('refuses %j', (host) => expect(isValidHost(host)).toBe(false));
});

describe('readTarget', () => {
  it('keeps only the parameters the route reads, in one order', () => {
    const a = readTarget('/search?utm_source=x&page=2&fbclid=1&q=water+rights', 'GET', SITE, patterns);
    const b = readTarget('/search?q=water%20rights&page=2', 'GET', SITE, patterns);
    expect(a?.pathAndQuery).toBe('/search?q=water+rights&page=2');
    expect(b?.pathAndQuery).toBe(a?.pathAndQuery);
    expect(readTarget('/?x=1&utm_campaign=y', 'GET', SITE, patterns)?.pathAndQuery).toBe('/');
    expect(readTarget('/news?page=2&page=3', 'HEAD', SITE, patterns)?.pathAndQuery).toBe('/news?page=2');
  });

  it('drops what the route does not read: q on the home page, page on an article or a static page', () => {
    expect(readTarget('/?q=1&page=2', 'GET', SITE, patterns)?.pathAndQuery).toBe('/');
    expect(readTarget('/news/some-slug?page=7', 'GET', SITE, patterns)?.pathAndQuery).toBe('/news/some-slug');
    expect(readTarget('/aims?page=2', 'GET', SITE, patterns)?.pathAndQuery).toBe('/aims');
    expect(readTarget('/news?q=x&page=2', 'GET', SITE, patterns)?.pathAndQuery).toBe('/news?page=2');
    expect(readTarget('/es/news?page=3', 'GET', SITE, patterns)?.pathAndQuery).toBe('/es/news?page=3');
  });

  it('drops a parameter that holds its default: /news?page=1 is /news', () => {
    expect(readTarget('/news?page=1', 'GET', SITE, patterns)?.pathAndQuery).toBe('/news');
    expect(readTarget('/search?q=&page=1', 'GET', SITE, patterns)?.pathAndQuery).toBe('/search');
  });

  it('reads one spelling of each path', () => {
    expect(readTarget('/n%65ws/a/../b', 'GET', SITE, patterns)?.pathname).toBe('/news/b');
    expect(readTarget('/news/%c3%a9t%2f', 'GET', SITE, patterns)?.pathname).toBe('/news/%C3%A9t%2F');
    // Never a host: a path starting with // stays a path of this site.
    expect(readTarget('//evil.example/x', 'GET', SITE, patterns)?.pathname).toBe('//evil.example/x');
  });

  it('leaves Remix’s own requests and non-GET requests their query, and never caches them', () => {
    expect(readTarget('/news.data?page=2&_routes=routes%2Fnews', 'GET', SITE, patterns)).toMatchObject({
      pathAndQuery: '/news.data?page=2&_routes=routes%2Fnews',
      cacheable: false,
    });
    expect(readTarget('/__manifest?p=%2Fnews&version=abc', 'GET', SITE, patterns)?.pathAndQuery).toBe(
      '/__manifest?p=%2Fnews&version=abc',
    );
    expect(readTarget('/join?index', 'POST', SITE, patterns)).toMatchObject({
      pathAndQuery: '/join?index',
      cacheable: false,
    });
    expect(readTarget('/assets/app.js', 'GET', SITE, patterns)?.cacheable).toBe(false);
    expect(readTarget('/news', 'GET', SITE, patterns)?.cacheable).toBe(true);
    expect(readTarget('/news', 'HEAD', SITE, patterns)?.cacheable).toBe(false);
  });

  it('refuses targets that are not paths', () => {
    expect(readTarget('http://evil.example/news', 'GET', SITE, patterns)).toBeNull();
    expect(readTarget('*', 'OPTIONS', SITE, patterns)).toBeNull();
  });
});

describe('canonicalCasePath', () => {
  it.each([
    ['/Es/News', '/es/news'],
    ['/NEWS', '/news'],
    ['/ES', '/es'],
    ['/News/Some-Slug', '/news/Some-Slug'],
    ['/es/Topics/Mining/FEED.XML', '/es/topics/Mining/feed.xml'],
  ])('%s → %s', (from, to) => expect(canonicalCasePath(from, patterns)).toBe(to));

  it.each(['/', '/news', '/es/news', '/Aims', '/aims', '/news/Some-Slug', '/a/b/c', '/NEWS.data', '//news'])(
    'leaves %s alone',
    (path) => expect(canonicalCasePath(path, patterns)).toBeNull(),
  );
});

describe('trimmedPath', () => {
  it.each([
    ['/news/', '/news'],
    ['/news//', '/news'],
    ['//news', '/news'],
    ['/es//news/', '/es/news'],
    ['//', '/'],
  ])('%s → %s', (from, to) => expect(trimmedPath(from)).toBe(to));

  it.each(['/', '/news', '/news/a-slug'])('leaves %s alone', (path) => expect(trimmedPath(path)).toBeNull());
});

describe('canonicalLocation', () => {
  const at = (url: string) => canonicalLocation(readTarget(url, 'GET', SITE, patterns)!, patterns);

  it.each([
    ['/news/', '/news'],
    ['/ES/NEWS/', '/es/news'],
    ['/es/News/?page=2', '/es/news?page=2'],
    ['/news/?utm_source=x&page=2', '/news?page=2'],
    ['/NEWS?page=1', '/news'],
    ['/News/Some-Slug/', '/news/Some-Slug'],
    ['/SEARCH?utm_source=x&q=Water', '/search?q=Water'],
  ])('%s → %s in one redirect', (from, to) => expect(at(from)).toBe(to));

  it.each(['/', '/news?page=2&utm_source=x', '/news/Some-Slug', '/aims'])('leaves %s alone', (url) =>
    expect(at(url)).toBeNull(),
  );

  it.each([
    ['/es/noticias', '/es/news'],
    ['/es/noticias?page=2&utm_source=x', '/es/news?page=2'],
    ['/es/noticias/Agua-Limpia', '/es/news/Agua-Limpia'],
    ['/es/temas/Mineria/FEED.XML', '/es/topics/Mineria/feed.xml'],
    ['/es/contrapartes/', '/es/partners'],
    ['/ES/Buscar', '/es/search'],
    ['/es/campa%c3%b1as', '/es/campaigns'],
    ['/es/CAMPA%C3%91AS', '/es/campaigns'],
    ['/es/campanas', '/es/campaigns'],
    ['/es/eventos/vigilia', '/es/events/vigilia'],
  ])('a section spelt in Spanish, %s → %s in one redirect', (from, to) => expect(at(from)).toBe(to));

  it.each(['/es/socios', '/es/objetivos', '/noticias', '/news/noticias'])(
    'takes %s for a slug, not a section',
    (url) => expect(at(url)).toBeNull(),
  );
});
