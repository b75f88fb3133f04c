// Turns a fetched feed body (RSS 2.0 — and RSS 1.0/RDF —, Atom, JSON Feed 1.0/1.1) into raw partner items with
// feedsmith. Everything here is about reading faithfully: the caller de-duplicates, validates and sanitises.
// feedsmith's XML parser is lenient (an unclosed element still yields a feed), so XML is first checked for
// well-formedness here, to report a broken feed rather than import part of it.
import { DetectError, parseFeed as parseAnyFeed, type AnyFeed, type AtomFeed } from 'feedsmith';
import { XMLValidator } from 'fast-xml-parser';
import type { RawPartnerItem } from '@ayni/domain';

export type { RawPartnerItem };

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'json';
  title: string | null;
  items: RawPartnerItem[];
}

/** A body that is not a usable feed; the message is shown to staff as is. */
export class FeedParseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeedParseError';
  }
}

const NOT_A_FEED = 'Not a recognised feed (RSS 2.0, Atom or JSON Feed)';

export function parseFeed(body: Buffer | string, contentType: string | null, feedUrl: string): ParsedFeed {
  const text = typeof body === 'string' ? body.replace(/^\uFEFF/, '') : decodeBody(body, contentType);
  const start = skipProlog(text);
  if (start === '') throw new FeedParseError('The feed is empty');
  if (isHtml(start, contentType)) throw new FeedParseError('The address returned an HTML page, not a feed');

  let input: string | object;
  if (start.startsWith('{') || start.startsWith('[') || (isJsonType(contentType) && !start.startsWith('<'))) {
    try {
      input = JSON.parse(text) as object;
    } catch (err) {
      throw new FeedParseError(`The feed is not valid JSON: ${(err as Error).message}`, { cause: err });
    }
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      throw new FeedParseError(NOT_A_FEED);
    }
  } else if (start.startsWith('<')) {
    const problem = findXmlProblem(text);
    if (problem) throw new FeedParseError(`The feed is not well-formed XML: ${problem}`);
    input = text;
  } else {
    throw new FeedParseError(NOT_A_FEED);
  }

  let parsed: AnyFeed;
  try {
    parsed = parseAnyFeed(input);
  } catch (err) {
    if (err instanceof DetectError) throw new FeedParseError(NOT_A_FEED, { cause: err });
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
    throw new FeedParseError(`The feed could not be read${cause}`, { cause: err });
  }
  return toParsedFeed(parsed, feedUrl);
}

function toParsedFeed(parsed: AnyFeed, feedUrl: string): ParsedFeed {
  switch (parsed.format) {
    case 'rss': {
      const { feed } = parsed;
      return {
        format: 'rss',
        title: htmlToPlain(feed.title),
        items: (feed.items ?? []).map((item) => {
          const guid = clean(item.guid?.value);
          // A guid is the item's permalink unless it says otherwise (RSS 2.0); used only when there is no <link>.
          const permalink = item.guid?.isPermaLink !== false ? absoluteOnly(guid) : null;
          return {
            guid,
            link: absoluteLink(item.link, feedUrl) ?? permalink,
            title: htmlToPlain(item.title ?? item.dc?.titles?.[0]),
            publishedAt: toDate(item.pubDate) ?? toDate(item.dc?.dates?.[0]),
            summaryHtml: clean(item.description) ?? clean(item.content?.encoded),
            author:
              clean(item.authors?.[0]?.name) ??
              clean(item.authors?.[0]?.email) ??
              clean(item.dc?.creators?.[0]),
          };
        }),
      };
    }
    case 'rdf': {
      // RSS 1.0: rare, but it is RSS to staff and readers.
      const { feed } = parsed;
      return {
        format: 'rss',
        title: htmlToPlain(feed.title),
        items: (feed.items ?? []).map((item) => ({
          guid: clean(item.rdf?.about),
          link: absoluteLink(item.link, feedUrl),
          title: htmlToPlain(item.title ?? item.dc?.titles?.[0]),
          publishedAt: toDate(item.dc?.dates?.[0]),
          summaryHtml: clean(item.description) ?? clean(item.content?.encoded),
          author: clean(item.dc?.creators?.[0]),
        })),
      };
    }
    case 'atom': {
      const { feed } = parsed;
      const feedBase = resolveBase(feed.xml?.base, feedUrl);
      return {
        format: 'atom',
        title: atomTextToPlain(feed.title),
        items: (feed.entries ?? []).map((entry) => {
          const base = resolveBase(entry.xml?.base, feedBase);
          const links = entry.links ?? [];
          const link = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
          return {
            guid: clean(entry.id),
            link: absoluteLink(link?.href, base),
            title: atomTextToPlain(entry.title),
            publishedAt: toDate(entry.published) ?? toDate(entry.updated),
            summaryHtml: atomTextToHtml(entry.summary) ?? atomContentToHtml(entry.content),
            // An entry without an author inherits the feed's (RFC 4287 §4.2.1).
            author: clean(entry.authors?.[0]?.name) ?? clean(feed.authors?.[0]?.name),
          };
        }),
      };
    }
    case 'json': {
      // feedsmith reads JSON Feed 1.0's `author` into `authors`, like 1.1's.
      const { feed } = parsed;
      return {
        format: 'json',
        title: plain(feed.title),
        items: (feed.items ?? []).map((item) => ({
          guid: clean(item.id),
          link: absoluteLink(item.url, feedUrl) ?? absoluteLink(item.external_url, feedUrl),
          title: plain(item.title),
          publishedAt: toDate(item.date_published) ?? toDate(item.date_modified),
          // summary and content_text are plain text in JSON Feed.
          summaryHtml: textToHtml(item.summary) ?? clean(item.content_html) ?? textToHtml(item.content_text),
          author: clean(item.authors?.[0]?.name) ?? clean(feed.authors?.[0]?.name),
        })),
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Field helpers

function clean(value: string | undefined | null): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function plain(value: string | undefined): string | null {
  return clean(value?.replace(/\s+/g, ' '));
}

/** Text that may carry markup or a second layer of entities, as RSS titles often do. */
function htmlToPlain(value: string | undefined): string | null {
  if (!value) return null;
  return plain(decodeEntities(value.replace(/<!--[\s\S]*?-->/g, '').replace(/<\/?[A-Za-z][^>]*>/g, '')));
}

function atomTextToPlain(value: AtomFeed.Text | undefined): string | null {
  if (!value) return null;
  return value.type === 'html' || value.type === 'xhtml' ? htmlToPlain(value.value) : plain(value.value);
}

function atomTextToHtml(value: AtomFeed.Text | undefined): string | null {
  if (!value) return null;
  return value.type === 'html' || value.type === 'xhtml' ? clean(value.value) : textToHtml(value.value);
}

function atomContentToHtml(content: AtomFeed.Content | undefined): string | null {
  // Content given by reference (src) or as base64 media is not something to summarise.
  if (!content?.value) return null;
  const type = (content.type ?? 'text').toLowerCase();
  if (type === 'html' || type === 'xhtml' || type === 'text/html' || type === 'application/xhtml+xml') {
    return clean(content.value);
  }
  return type === 'text' || type.startsWith('text/') ? textToHtml(content.value) : null;
}

function textToHtml(value: string | undefined): string | null {
  const text = clean(value);
  return text === null
    ? null
    : text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function toDate(value: string | undefined): Date | null {
  if (!value?.trim()) return null;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? null : date;
}

function absoluteLink(value: string | undefined | null, base: string): string | null {
  const raw = clean(value);
  if (raw === null) return null;
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Only a value that is an absolute http(s) URL by itself. */
function absoluteOnly(value: string | null): string | null {
  return value !== null && /^https?:\/\//i.test(value) ? absoluteLink(value, value) : null;
}

function resolveBase(base: string | undefined, parent: string): string {
  if (!base) return parent;
  try {
    return new URL(base, parent).href;
  } catch {
    return parent;
  }
}

// HTML 4's Latin-1 entities (U+00A0 to U+00FF, in order) and the typographic ones partners use in titles.
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute ' +
  'micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring ' +
  'AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml ' +
  'times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil ' +
  'egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ' +
  'ugrave uacute ucirc uuml yacute thorn yuml';
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  sbquo: '\u201a',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bdquo: '\u201e',
  hellip: '\u2026',
  bull: '\u2022',
  euro: '\u20ac',
  trade: '\u2122',
  OElig: '\u0152',
  oelig: '\u0153',
  ...Object.fromEntries(LATIN1.split(' ').map((name, i) => [name, String.fromCharCode(0xa0 + i)])),
};

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Bytes, prolog and format sniffing

/** UTF-8 unless a byte-order mark, the Content-Type charset or the XML declaration says otherwise. */
function decodeBody(body: Buffer, contentType: string | null): string {
  let label = 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) label = 'utf-16be';
  else if (body[0] === 0xff && body[1] === 0xfe) label = 'utf-16le';
  else if (!(body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf)) {
    const declared =
      /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1] ??
      /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(
        body.subarray(0, 256).toString('latin1'),
      )?.[1];
    if (declared) label = declared;
  }
  try {
    return new TextDecoder(label).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}

/** The start of the document after whitespace, the XML declaration, processing instructions and comments. */
function skipProlog(text: string): string {
  let rest = text.slice(0, 8192);
  for (;;) {
    rest = rest.trimStart();
    const end = rest.startsWith('<?')
      ? rest.indexOf('?>') + 2
      : rest.startsWith('<!--')
        ? rest.indexOf('-->') + 3
        : 0;
    if (end <= 2) return rest;
    rest = rest.slice(end);
  }
}

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function isJsonType(contentType: string | null): boolean {
  return /[/+]json$/.test(mediaType(contentType));
}

function isHtml(start: string, contentType: string | null): boolean {
  if (/^<!doctype\s+html[\s>]/i.test(start) || /^<html[\s>]/i.test(start)) return true;
  // Some servers label real feeds text/html: believe the body when it starts like a feed.
  const htmlType = ['text/html', 'application/xhtml+xml'].includes(mediaType(contentType));
  return (
    htmlType && !/^(?:<!doctype\s+(?:rss|feed)[\s>]|<(?:[\w-]+:)?(?:rss|feed|rdf)[\s>:]|[{[])/i.test(start)
  );
}

// ---------------------------------------------------------------------------------------------------------------
/** Describes the first well-formedness error in an XML document (fast-xml-parser's validator), or null. */
export function findXmlProblem(xml: string): string | null {
  const result = XMLValidator.validate(xml);
  if (result === true) return null;
  // Elements left open are reported as a JSON list ("Invalid '["rss","channel"]' found."): say it in words.
  const open = /^Invalid '(\[[^]*\])' found\.$/.exec(result.err.msg);
  if (open) {
    try {
      const names = (JSON.parse(open[1]!) as string[]).map((n) => `<${n}>`);
      return `the document ends before ${names.reverse().join(', ')} ${names.length === 1 ? 'is' : 'are'} closed`;
    } catch {
      // fall through to the validator's own words
    }
  }
  return `${result.err.msg} (line ${result.err.line})`;
}
