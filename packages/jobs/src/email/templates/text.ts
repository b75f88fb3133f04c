// The plain-text part is written as text, not stripped HTML: paragraphs wrapped at 72 columns, links on their own line.

export const TEXT_WIDTH = 72;

/**
 * Wraps one paragraph at `width` columns on spaces. Runs of spaces, tabs and line breaks become one space;
 * no-break spaces (as in Intl's "6:00 p. m.") are kept, so the words they join stay on one line.
 * A word longer than the width (a long URL) is kept whole on a line of its own, never broken.
 */
export function wrapText(paragraph: string, width: number = TEXT_WIDTH): string[] {
  const words = paragraph.split(/[ \t\r\n\f\v]+/).filter((word) => word !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line === '') {
      line = word;
    } else if (line.length + 1 + word.length <= width) {
      line += ` ${word}`;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
