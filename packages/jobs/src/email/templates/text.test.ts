import { describe, expect, it } from 'vitest';
import { wrapText } from './text.js';

describe('wrapText', () => {
  it('wraps on spaces at the width', () => {
    expect(wrapText('one two three four five', 9)).toEqual(['one two', 'three', 'four five']);
  });

  it('collapses runs of whitespace and line breaks', () => {
    expect(wrapText('  a\n\n b \t c  ', 72)).toEqual(['a b c']);
  });

  it('keeps a word longer than the width whole, on its own line', () => {
    expect(wrapText('see https://example.org/a/very/long/path now', 10)).toEqual([
      'see',
      'https://example.org/a/very/long/path',
      'now',
    ]);
  });

  it('keeps words joined by a no-break space together', () => {
    expect(wrapText('at 6:00\u00a0p.\u00a0m. today', 10)).toEqual(['at', '6:00\u00a0p.\u00a0m.', 'today']);
  });

  it('returns no lines for empty text', () => {
    expect(wrapText('   ')).toEqual([]);
  });
});
