import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.server.js';

describe('renderMarkdown', () => {
  it('renders CommonMark', () => {
    expect(renderMarkdown('## Aims\n\n- one\n- two')).toBe(
      '<h2>Aims</h2>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n',
    );
  });

  it('shows raw HTML as text and drops javascript: links', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    );
    expect(renderMarkdown('<img src=x onerror=alert(1)>')).not.toContain('<img');
    expect(renderMarkdown('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>\n');
  });
});
