// Article bodies: CommonMark (markdown-it) with raw HTML off, then sanitised with an allowlist (sanitize-html),
// so whatever an editor pastes — <script>, onerror=, javascript: links, <iframe>, <style>, SVG tricks — renders
// harmless on the page, in feeds, in search excerpts and in the admin preview. One function, used by all of them.
// Imported as `@ayni/domain/markdown` so the browser bundle of the admin does not carry it.
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'code',
    'pre',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    's',
    'del',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    // Links in articles open in the same tab; external ones must not get a handle on this page.
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
    // A top-level heading inside the body would compete with the page's own h1.
    h1: 'h2',
  },
};
sanitizeOptions.allowedAttributes = { ...sanitizeOptions.allowedAttributes, a: ['href', 'title', 'rel'] };

/** Markdown → HTML that is safe to insert into a page or a feed. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source), sanitizeOptions);
}

/** Markdown → the plain text a reader sees (for search and summaries), whitespace collapsed. */
export function markdownToText(source: string): string {
  const text = sanitizeHtml(md.render(source), { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

/** Someone else's HTML (a partner feed's summary) → plain text: every tag dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  const text = sanitizeHtml(html, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: [
      'style',
      'script',
      'textarea',
      'option',
      'noscript',
      'iframe',
      'svg',
      'math',
      'title',
      'head',
    ],
  });
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}
