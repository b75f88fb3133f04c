// The public site's addresses, decided once (docs/decisions/0007-spanish-routes.md): one route table for both
// languages, English section names, Spanish under /es, slugs in the page's language. The site, the API, the feeds
// and the emails build every link with these. No zod here: the site's browser bundle imports this module alone
// (`@ayni/domain/paths`).
import { languages, type Language } from './locale.js';

/** The site's sections: the first segment of their addresses, the same in both languages. */
export const SECTIONS = {
  news: 'news',
  topics: 'topics',
  partners: 'partners',
  search: 'search',
  campaigns: 'campaigns',
  events: 'events',
  join: 'join',
  /** The page an emailed unsubscribe link opens (/unsubscribe/:token): no list, no index of its own. */
  unsubscribe: 'unsubscribe',
} as const;

export type Section = keyof typeof SECTIONS;

/**
 * Other spellings of a section a Spanish reader may type or find in an old link, each answered with one 301 to the
 * section's address under /es. Pages may never take these slugs (RESERVED_SLUGS), in either language.
 * Not "socios": in Spanish NGO usage it means members ("Hágase socio"), not partner organisations ("contrapartes").
 */
export const SECTION_ALIASES: Readonly<Record<string, Section>> = {
  noticias: 'news',
  temas: 'topics',
  contrapartes: 'partners',
  buscar: 'search',
  campanas: 'campaigns',
  campañas: 'campaigns',
  eventos: 'events',
  baja: 'unsubscribe',
};

export type FeedFormat = 'rss' | 'atom' | 'json';

const FEED_FILES: Readonly<Record<FeedFormat, string>> = {
  rss: 'feed.xml',
  atom: 'atom.xml',
  json: 'feed.json',
};

/** The page's language comes from its address: everything under /es is Spanish, the rest English. */
export function languageOfPath(pathname: string): Language {
  return pathname === '/es' || pathname.startsWith('/es/') ? 'es' : 'en';
}

/** An English path in a language: '/news' → '/es/news' in Spanish; the Spanish home is '/es'. */
export function localePath(language: Language, path: string): string {
  if (language === 'en') return path;
  return path === '/' ? '/es' : `/es${path}`;
}

/** A page's path in each language, for hreflang and the language switch: inEachLanguage(newsListPath). */
export function inEachLanguage(path: (language: Language) => string): Record<Language, string> {
  const paths = Object.fromEntries(languages.map((language) => [language, path(language)]));
  return paths as Record<Language, string>;
}

export function homePath(language: Language): string {
  return localePath(language, '/');
}

/** A news item at /news/:slug, a page at /:slug (Spanish under /es). */
export function articlePath(article: { kind: 'news' | 'page'; language: Language; slug: string }): string {
  return localePath(
    article.language,
    article.kind === 'news' ? `/${SECTIONS.news}/${article.slug}` : `/${article.slug}`,
  );
}

export function newsListPath(language: Language): string {
  return localePath(language, `/${SECTIONS.news}`);
}

export function topicPath(language: Language, slug: string): string {
  return localePath(language, `/${SECTIONS.topics}/${slug}`);
}

export function partnersPath(language: Language): string {
  return localePath(language, `/${SECTIONS.partners}`);
}

export function partnersFeedPath(language: Language): string {
  return localePath(language, `/${SECTIONS.partners}/${FEED_FILES.rss}`);
}

export function searchPath(language: Language): string {
  return localePath(language, `/${SECTIONS.search}`);
}

/** The news feeds: '/feed.xml', '/es/atom.xml', '/topics/mining/feed.json', … */
export function feedPath(language: Language, format: FeedFormat, topicSlug?: string): string {
  const base = topicSlug === undefined ? '' : `/${SECTIONS.topics}/${topicSlug}`;
  return localePath(language, `${base}/${FEED_FILES[format]}`);
}

export function campaignListPath(language: Language): string {
  return localePath(language, `/${SECTIONS.campaigns}`);
}

export function campaignPath(language: Language, slug: string): string {
  return localePath(language, `/${SECTIONS.campaigns}/${slug}`);
}

/** A campaign's own pages beside its hub: after signing, after confirming, its live count, its embed. */
export function campaignPagePath(
  language: Language,
  slug: string,
  page: 'check-email' | 'thanks' | 'count.json' | 'embed',
): string {
  return `${campaignPath(language, slug)}/${page}`;
}

/**
 * The page an emailed confirmation link opens: the token in the path (some scanners strip query strings), and a
 * fixed segment no campaign slug can take (CAMPAIGN_RESERVED_SLUGS).
 */
export function signatureConfirmPath(language: Language, token: string): string {
  return localePath(language, `/${SECTIONS.campaigns}/confirm/${token}`);
}

/**
 * The page an emailed unsubscribe link opens (a campaign's news, RFC 8058's one-click POST too): the token in the
 * path, as for confirmation links.
 */
export function unsubscribePath(language: Language, token: string): string {
  return localePath(language, `/${SECTIONS.unsubscribe}/${token}`);
}

/** Slugs a campaign may not take, as its pages' addresses would clash with the fixed ones under /campaigns. */
export const CAMPAIGN_RESERVED_SLUGS: ReadonlySet<string> = new Set(['confirm']);

export function eventListPath(language: Language): string {
  return localePath(language, `/${SECTIONS.events}`);
}

export function eventPath(language: Language, slug: string): string {
  return localePath(language, `/${SECTIONS.events}/${slug}`);
}

/** An event's own calendar file, for "Add to calendar". */
export function eventCalendarPath(language: Language, slug: string): string {
  return `${eventPath(language, slug)}/calendar.ics`;
}

/** An event's page after registering: "check your email". */
export function eventCheckEmailPath(language: Language, slug: string): string {
  return `${eventPath(language, slug)}/check-email`;
}

/**
 * The pages a registration's emailed links open (confirm, cancel): the token in the path, as for signatures, under
 * fixed segments no event slug can take (EVENT_RESERVED_SLUGS). Each shows a POST button; a GET changes nothing.
 */
export function registrationLinkPath(
  language: Language,
  purpose: 'confirm' | 'cancel',
  token: string,
): string {
  return localePath(language, `/${SECTIONS.events}/${purpose}/${token}`);
}

/** Slugs an event may not take, as its pages' addresses would clash with the fixed ones under /events. */
export const EVENT_RESERVED_SLUGS: ReadonlySet<string> = new Set(['confirm', 'cancel']);

/** The calendar feed of upcoming events in a language, for calendar apps to subscribe to. */
export function eventFeedPath(language: Language): string {
  return `${eventListPath(language)}.ics`;
}

/** Where a reader joins as a member. */
export function joinPath(language: Language): string {
  return localePath(language, `/${SECTIONS.join}`);
}

/** A path on the site as an absolute URL: ('https://example.org/', '/es/news') → 'https://example.org/es/news'. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}

/** A path segment as text: percent-decoded (null if it cannot be), composed (NFC) and in lower case. */
function segmentText(segment: string): string | null {
  try {
    return decodeURIComponent(segment).normalize('NFC').toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Where a Spanish section spelt in Spanish belongs: '/es/noticias' → '/es/news', '/es/temas/mineria/feed.xml' →
 * '/es/topics/mineria/feed.xml', '/es/campa%C3%B1as' → '/es/campaigns'. The language prefix and the section name are
 * read whatever their case or percent-encoding ('/ES/Noticias' → '/es/news', in one redirect); the rest of the path
 * (slugs) is kept as written. Null when the path is no such alias.
 */
export function sectionAliasPath(pathname: string): string | null {
  const segments = pathname.split('/').slice(1);
  if (segments[0] === undefined || segmentText(segments[0]) !== 'es' || segments[1] === undefined)
    return null;
  const name = segmentText(segments[1]);
  const section = name === null ? undefined : SECTION_ALIASES[name];
  if (section === undefined) return null;
  return ['', 'es', SECTIONS[section], ...segments.slice(2)].join('/');
}

/** What an address names, when it names an article: its language, kind and slug. */
export function articleAddress(
  pathname: string,
): { language: Language; kind: 'news' | 'page'; slug: string } | null {
  const language = languageOfPath(pathname);
  const segments = pathname.split('/').slice(language === 'es' ? 2 : 1);
  if (segments.length === 2 && segments[0] === SECTIONS.news && segments[1] !== '') {
    return { language, kind: 'news', slug: segments[1]! };
  }
  if (segments.length === 1 && segments[0] !== '' && !isSiteSegment(segments[0]!)) {
    return { language, kind: 'page', slug: segments[0]! };
  }
  return null;
}

const SITE_SEGMENTS: ReadonlySet<string> = new Set([
  ...Object.values(SECTIONS),
  'es',
  ...Object.values(FEED_FILES),
]);

function isSiteSegment(segment: string): boolean {
  return SITE_SEGMENTS.has(segment);
}
