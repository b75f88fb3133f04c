// Article bodies are CommonMark rendered by markdown-it with raw HTML disabled: any HTML in the source is
// shown as text, and markdown-it's link validation drops javascript:, vbscript:, file: and data: URLs.
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

export function renderMarkdown(source: string): string {
  return md.render(source);
}
