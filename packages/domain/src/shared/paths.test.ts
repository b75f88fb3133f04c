import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  articleAddress,
  articlePath,
  campaignListPath,
  campaignPath,
  eventCalendarPath,
  eventFeedPath,
  eventListPath,
  eventPath,
  feedPath,
  homePath,
  inEachLanguage,
  joinPath,
  languageOfPath,
  newsListPath,
  partnersFeedPath,
  partnersPath,
  searchPath,
  sectionAliasPath,
  unsubscribePath,
  topicPath,
} from './paths.js';

describe('public paths', () => {
  it('puts news under /news and pages at the top, Spanish under /es', () => {
    expect(articlePath({ kind: 'news', language: 'en', slug: 'water' })).toBe('/news/water');
    expect(articlePath({ kind: 'news', language: 'es', slug: 'agua' })).toBe('/es/news/agua');
    expect(articlePath({ kind: 'page', language: 'en', slug: 'aims' })).toBe('/aims');
    expect(articlePath({ kind: 'page', language: 'es', slug: 'objetivos' })).toBe('/es/objetivos');
  });

  it('uses the English section names in both languages', () => {
    expect([homePath('en'), homePath('es')]).toEqual(['/', '/es']);
    expect([newsListPath('en'), newsListPath('es')]).toEqual(['/news', '/es/news']);
    expect(topicPath('es', 'mining')).toBe('/es/topics/mining');
    expect([partnersPath('es'), partnersFeedPath('es')]).toEqual(['/es/partners', '/es/partners/feed.xml']);
    expect(searchPath('en')).toBe('/search');
    expect([campaignListPath('es'), campaignPath('es', 'agua-limpia')]).toEqual([
      '/es/campaigns',
      '/es/campaigns/agua-limpia',
    ]);
    expect([eventListPath('en'), eventPath('es', 'vigilia')]).toEqual(['/events', '/es/events/vigilia']);
    expect([eventCalendarPath('es', 'vigilia'), eventFeedPath('en'), eventFeedPath('es')]).toEqual([
      '/es/events/vigilia/calendar.ics',
      '/events.ics',
      '/es/events.ics',
    ]);
    expect([joinPath('en'), joinPath('es')]).toEqual(['/join', '/es/join']);
  });

  it('gives a page its path in each language', () => {
    expect(inEachLanguage(newsListPath)).toEqual({ en: '/news', es: '/es/news' });
    expect(inEachLanguage((language) => topicPath(language, 'mining'))).toEqual({
      en: '/topics/mining',
      es: '/es/topics/mining',
    });
  });

  it('names the feeds, for all news and for a topic', () => {
    expect(feedPath('en', 'rss')).toBe('/feed.xml');
    expect(feedPath('es', 'atom')).toBe('/es/atom.xml');
    expect(feedPath('en', 'json', 'mining')).toBe('/topics/mining/feed.json');
    expect(feedPath('es', 'rss', 'mining')).toBe('/es/topics/mining/feed.xml');
  });

  it('makes absolute URLs from the site URL, with or without its trailing slash', () => {
    expect(absoluteUrl('https://example.org/', '/es/news')).toBe('https://example.org/es/news');
    expect(absoluteUrl('https://example.org', '/')).toBe('https://example.org/');
    expect(absoluteUrl('https://example.org//', 'news')).toBe('https://example.org/news');
  });

  it('reads the language from the path', () => {
    expect(languageOfPath('/es')).toBe('es');
    expect(languageOfPath('/es/news')).toBe('es');
    expect(languageOfPath('/espana')).toBe('en');
    expect(languageOfPath('/')).toBe('en');
  });
});

describe('sectionAliasPath', () => {
  it.each([
    ['/es/noticias', '/es/news'],
    ['/es/noticias/agua-limpia', '/es/news/agua-limpia'],
    ['/es/temas/mining', '/es/topics/mining'],
    ['/es/temas/mining/feed.xml', '/es/topics/mining/feed.xml'],
    ['/es/contrapartes', '/es/partners'],
    ['/es/buscar', '/es/search'],
    ['/es/campanas', '/es/campaigns'],
    ['/es/campa%C3%B1as', '/es/campaigns'],
    ['/es/campan%CC%83as', '/es/campaigns'],
    ['/es/eventos', '/es/events'],
    ['/es/eventos/Vigilia', '/es/events/Vigilia'],
    ['/es/Noticias', '/es/news'],
    ['/ES/NOTICIAS', '/es/news'],
    ['/Es/temas/mining/feed.xml', '/es/topics/mining/feed.xml'],
    ['/es/baja/Tok3n-_x', '/es/unsubscribe/Tok3n-_x'],
  ])('%s → %s', (from, to) => {
    expect(sectionAliasPath(from)).toBe(to);
  });

  it.each([
    '/es',
    '/es/news',
    '/es/objetivos',
    '/es/unete',
    '/es/socios',
    '/noticias',
    '/news/noticias',
    '/esp/noticias',
    '/es/%E0%A4%A',
  ])('leaves %s alone', (path) => {
    expect(sectionAliasPath(path)).toBeNull();
  });
});

describe('unsubscribePath', () => {
  it('puts the token in the path, in the signer’s language, under a section no page can take', () => {
    expect(unsubscribePath('en', 'abc_-9')).toBe('/unsubscribe/abc_-9');
    expect(unsubscribePath('es', 'abc_-9')).toBe('/es/unsubscribe/abc_-9');
    expect(articleAddress('/unsubscribe')).toBeNull();
  });
});

describe('articleAddress', () => {
  it('reads an article address', () => {
    expect(articleAddress('/news/water')).toEqual({ language: 'en', kind: 'news', slug: 'water' });
    expect(articleAddress('/es/news/agua')).toEqual({ language: 'es', kind: 'news', slug: 'agua' });
    expect(articleAddress('/objetivos')).toEqual({ language: 'en', kind: 'page', slug: 'objetivos' });
    expect(articleAddress('/es/unete')).toEqual({ language: 'es', kind: 'page', slug: 'unete' });
  });

  it.each(['/', '/es', '/news', '/es/search', '/feed.xml', '/topics/mining', '/news/a/b', '/es/news'])(
    '%s is not one',
    (path) => {
      expect(articleAddress(path)).toBeNull();
    },
  );
});
