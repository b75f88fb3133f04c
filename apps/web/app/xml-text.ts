// Text for the RSS and Atom feeds. The `feed` package wraps titles, descriptions and content in CDATA and only
// breaks the first "]]>" in each, so a second one would end the CDATA section and let the rest be read as markup;
// and characters XML 1.0 forbids (most control characters) make the whole document unreadable. Every string that
// reaches a feed goes through this first — partner items especially, whose text we do not control.
// Where a feed says a text is HTML (Atom's type="html" titles and summaries, RSS descriptions), plain text must
// be escaped as well, or readers render the markup it holds: xmlHtmlText.
import { escapeHtml, withoutUnprintable } from '@ayni/domain';

/** Plain text for an HTML context (the domain's one escaping; re-exported for the feeds). */
export { escapeHtml };

export function xmlText(text: string): string {
  return withoutUnprintable(text).replace(/\]\]>/g, ']]&gt;');
}

/** Plain text for a feed field that readers take as HTML (see above). */
export function xmlHtmlText(text: string): string {
  return xmlText(escapeHtml(text));
}
