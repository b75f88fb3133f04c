import { describe, expect, it } from 'vitest';
import { escapeHtml, listInWords, optionalText, requiredText, withoutUnprintable } from './text.js';

describe('requiredText', () => {
  const title = requiredText('Title', 10);
  it.each([
    [undefined, 'Title is required'],
    ['', 'Title is required'],
    ['   ', 'Title is required'],
    [12, 'Title must be text'],
    ['x'.repeat(11), 'Title must be 10 characters or fewer'],
  ])('%j → %j', (input, message) => {
    expect(title.safeParse(input).error?.issues[0]?.message).toBe(message);
  });

  it('trims', () => {
    expect(title.parse('  Aims ')).toBe('Aims');
  });
});

describe('optionalText', () => {
  it('defaults to an empty string and trims', () => {
    expect(optionalText('Summary', 5).parse(undefined)).toBe('');
    expect(optionalText('Summary', 5).parse(' ab ')).toBe('ab');
  });

  it('can keep surrounding whitespace', () => {
    expect(optionalText('Body', 10, { trim: false }).parse('  x\n')).toBe('  x\n');
  });

  it('limits length', () => {
    expect(optionalText('Summary', 5).safeParse('123456').error?.issues[0]?.message).toBe(
      'Summary must be 5 characters or fewer',
    );
  });
});

describe('withoutUnprintable', () => {
  it('drops control characters, non-characters and lone surrogates, and keeps tabs, line breaks and emoji', () => {
    expect(withoutUnprintable('a\u0001b\u0085c\uFFFEd\uD800e')).toBe('abcde');
    expect(withoutUnprintable('tab\tline\r\nañó 😀')).toBe('tab\tline\r\nañó 😀');
  });
});

describe('escapeHtml', () => {
  it('escapes & < > " \' for element text and quoted attributes, and leaves other characters alone', () => {
    expect(escapeHtml(`Tom & "Jerry" <b>'s</b>`)).toBe(
      'Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;',
    );
    expect(escapeHtml('Año — “Perú”')).toBe('Año — “Perú”');
  });
});

describe('listInWords', () => {
  it.each([
    [[], ''],
    [['time zone'], 'time zone'],
    [['organisation name', 'time zone'], 'organisation name and time zone'],
    [['a', 'b', 'c'], 'a, b and c'],
  ])('%j → %j', (items, expected) => {
    expect(listInWords(items)).toBe(expected);
  });
});
