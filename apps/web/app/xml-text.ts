// Text for the RSS and Atom feeds. The `feed` package wraps titles, descriptions and content in CDATA and only
// breaks the first "]]>" in each, so a second one would end the CDATA section and let the rest be read as markup;
// and characters XML 1.0 forbids (most control characters) make the whole document unreadable. Every string that
// reaches a feed goes through this first — partner items especially, whose text we do not control.
import { withoutUnprintable } from '@ayni/domain';

export function xmlText(text: string): string {
  return withoutUnprintable(text).replace(/\]\]>/g, ']]&gt;');
}
