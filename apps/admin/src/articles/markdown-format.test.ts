import { describe, expect, it } from 'vitest';
import { formatMarkdown } from './markdown-format.js';

describe('formatMarkdown', () => {
  it('makes the selected words bold and keeps them selected', () => {
    const done = formatMarkdown('Defenders of Puno acquitted', 13, 17, 'bold');
    expect(done.text).toBe('Defenders of **Puno** acquitted');
    expect(done.text.slice(done.start, done.end)).toBe('Puno');
  });

  it('puts a placeholder to type over when nothing is selected', () => {
    const done = formatMarkdown('Hello ', 6, 6, 'italic');
    expect(done.text).toBe('Hello *italic text*');
    expect(done.text.slice(done.start, done.end)).toBe('italic text');
  });

  it('turns the selection into a link and selects the address to type', () => {
    const done = formatMarkdown('Read the ruling here.', 9, 15, 'link');
    expect(done.text).toBe('Read the [ruling](https://) here.');
    expect(done.text.slice(done.start, done.end)).toBe('https://');
  });

  it('starts every selected line with the list marker, once', () => {
    const text = 'Intro\nwater\n- land\nrights';
    const done = formatMarkdown(text, 8, text.length, 'list');
    expect(done.text).toBe('Intro\n- water\n- land\n- rights');
  });

  it('makes the line with the cursor a heading, or a quote', () => {
    expect(formatMarkdown('What happened\nMore', 3, 3, 'heading').text).toBe('## What happened\nMore');
    expect(formatMarkdown('One\nTwo', 5, 5, 'quote').text).toBe('One\n> Two');
  });
});
