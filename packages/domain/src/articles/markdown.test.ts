// The payload suite for article bodies: every trick renders harmless.
import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown.js';

/** Tags (not text: escaped text is harmless) that could run script or restyle the page. */
function dangerousTags(html: string): string[] {
  return (html.match(/<[^>]*>/g) ?? []).filter(
    (tag) =>
      /^<\/?(script|iframe|style|svg|math|object|embed|form|link|meta)\b/i.test(tag) ||
      /\son\w+\s*=/i.test(tag) ||
      /(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):/i.test(tag),
  );
}

describe('renderMarkdown', () => {
  it('renders CommonMark', () => {
    expect(renderMarkdown('## Aims\n\n- one\n- **two**')).toBe(
      '<h2>Aims</h2>\n<ul>\n<li>one</li>\n<li><strong>two</strong></li>\n</ul>\n',
    );
    expect(renderMarkdown('[IDL](https://www.idl.org.pe)')).toBe(
      '<p><a href="https://www.idl.org.pe" rel="noopener noreferrer">IDL</a></p>\n',
    );
  });

  it.each([
    ['<script>alert(1)</script>'],
    ['<img src=x onerror=alert(1)>'],
    ['<iframe src="https://evil.example"></iframe>'],
    ['<style>body{display:none}</style>'],
    ['<svg onload=alert(1)><script>alert(1)</script></svg>'],
    ['<a href="javascript:alert(1)">x</a>'],
    ['[x](javascript:alert(1))'],
    ['[x](JaVaScRiPt:alert(1))'],
    ['[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['![x](javascript:alert(1))'],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>'],
    ['"><img src=x onerror=alert(1)>'],
  ])('makes %s harmless', (payload) => {
    expect(dangerousTags(renderMarkdown(payload))).toEqual([]);
  });

  it('keeps safe images with their alt text', () => {
    expect(renderMarkdown('![Vigil in Lima](https://example.org/v.jpg)')).toBe(
      '<p><img src="https://example.org/v.jpg" alt="Vigil in Lima" /></p>\n',
    );
  });
});

describe('markdownToText', () => {
  it('gives the text a reader sees, not the Markdown', () => {
    expect(
      markdownToText('## Esterilización forzada\n\nSee [the report](https://x.org) & **act** <now>.'),
    ).toBe('Esterilización forzada See the report & act <now>.');
  });
});
