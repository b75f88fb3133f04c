import { describe, expect, it } from 'vitest';
import { canonicalCasePath, isValidHost, readTarget, routePatterns } from './request-target.server.js';

const SITE = 'https://example.org';

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
  it('keeps only the page parameters, in one order, for pages and feeds', () => {
    const a = readTarget('/search?utm_source=x&q=water+rights&fbclid=1&page=2', 'GET', SITE);
    const b = readTarget('/search?page=2&q=water%20rights', 'GET', SITE);
    expect(a?.pathAndQuery).toBe('/search?page=2&q=water+rights');
    expect(b?.pathAndQuery).toBe(a?.pathAndQuery);
    expect(readTarget('/?x=1&utm_campaign=y', 'GET', SITE)?.pathAndQuery).toBe('/');
    expect(readTarget('/news?page=2&page=3', 'HEAD', SITE)?.pathAndQuery).toBe('/news?page=2');
  });

  it('reads one spelling of each path', () => {
    expect(readTarget('/n%65ws/a/../b', 'GET', SITE)?.pathname).toBe('/news/b');
    expect(readTarget('/news/%c3%a9t%2f', 'GET', SITE)?.pathname).toBe('/news/%C3%A9t%2F');
    // Never a host: a path starting with // stays a path of this site.
    expect(readTarget('//evil.example/x', 'GET', SITE)?.pathname).toBe('//evil.example/x');
  });

  it('leaves Remix’s own requests and non-GET requests their query, and never caches them', () => {
    expect(readTarget('/news.data?page=2&_routes=routes%2Fnews', 'GET', SITE)).toMatchObject({
      pathAndQuery: '/news.data?page=2&_routes=routes%2Fnews',
      cacheable: false,
    });
    expect(readTarget('/__manifest?p=%2Fnews&version=abc', 'GET', SITE)?.pathAndQuery).toBe(
      '/__manifest?p=%2Fnews&version=abc',
    );
    expect(readTarget('/join?index', 'POST', SITE)).toMatchObject({
      pathAndQuery: '/join?index',
      cacheable: false,
    });
    expect(readTarget('/assets/app.js', 'GET', SITE)?.cacheable).toBe(false);
    expect(readTarget('/news', 'GET', SITE)?.cacheable).toBe(true);
    expect(readTarget('/news', 'HEAD', SITE)?.cacheable).toBe(false);
  });

  it('refuses targets that are not paths', () => {
    expect(readTarget('http://evil.example/news', 'GET', SITE)).toBeNull();
    expect(readTarget('*', 'OPTIONS', SITE)).toBeNull();
  });
});

describe('canonicalCasePath', () => {
  const routes = {
    root: { id: 'root', path: '', module: {} },
    'routes/_index': { id: 'routes/_index', parentId: 'root', index: true, module: {} },
    'routes/news._index': {
      id: 'routes/news._index',
      parentId: 'root',
      path: 'news',
      index: true,
      module: {},
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
      module: {},
    },
    'es/topics': { id: 'es/topics', parentId: 'root', path: 'es/topics/:slug/feed.xml', module: {} },
  } as unknown as Parameters<typeof routePatterns>[0];
  const patterns = routePatterns(routes);

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
