// What the body's formatting toolbar does to the text: wrap the selection (bold, italic, a link) or start each
// selected line with a marker (a heading, a list, a quote). Pure, so the editor and its tests share it.
export type MarkdownFormat = 'heading' | 'bold' | 'italic' | 'link' | 'list' | 'quote';

export interface Edited {
  text: string;
  /** The selection to put back: the text that was formatted, or what to type next (a link's address). */
  start: number;
  end: number;
}

const wrappers: Partial<Record<MarkdownFormat, [string, string, string]>> = {
  // [before, after, placeholder when nothing is selected]
  bold: ['**', '**', 'bold text'],
  italic: ['*', '*', 'italic text'],
};

const lineMarkers: Partial<Record<MarkdownFormat, string>> = { heading: '## ', list: '- ', quote: '> ' };

export function formatMarkdown(text: string, start: number, end: number, format: MarkdownFormat): Edited {
  const selected = text.slice(start, end);
  const wrap = wrappers[format];
  if (wrap) {
    const [before, after, placeholder] = wrap;
    const inner = selected || placeholder;
    return {
      text: text.slice(0, start) + before + inner + after + text.slice(end),
      start: start + before.length,
      end: start + before.length + inner.length,
    };
  }
  if (format === 'link') {
    const label = selected || 'link text';
    const url = 'https://';
    const replaced = `[${label}](${url})`;
    const urlStart = start + label.length + 3;
    return {
      text: text.slice(0, start) + replaced + text.slice(end),
      start: urlStart,
      end: urlStart + url.length,
    };
  }
  // A marker at the start of every line the selection touches.
  const marker = lineMarkers[format]!;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const block = text.slice(lineStart, end);
  const marked = block
    .split('\n')
    .map((line) => (line.startsWith(marker) ? line : marker + line))
    .join('\n');
  return {
    text: text.slice(0, lineStart) + marked + text.slice(end),
    start: lineStart,
    end: lineStart + marked.length,
  };
}
