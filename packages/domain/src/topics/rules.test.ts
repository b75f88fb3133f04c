import { describe, expect, it } from 'vitest';
import { resolveTopicNames, topicName, topicNameKey } from './rules.js';

const existing = [
  { slug: 'womens-rights', name: 'Women’s rights', nameEs: 'Derechos de las mujeres' },
  { slug: 'mining', name: 'Mining', nameEs: 'Minería' },
];

describe('resolveTopicNames', () => {
  it('finds an existing topic typed with a straight or a curly apostrophe, in any case', () => {
    expect(resolveTopicNames(["Women's rights"], existing)).toEqual({
      slugs: ['womens-rights'],
      created: [],
    });
    expect(resolveTopicNames(['women’s RIGHTS'], existing)).toEqual({
      slugs: ['womens-rights'],
      created: [],
    });
  });

  it('finds a topic by its Spanish name, with or without accents, and by its slug', () => {
    expect(resolveTopicNames(['mineria', 'Derechos de las mujeres', 'mining'], existing)).toEqual({
      slugs: ['mining', 'womens-rights'],
      created: [],
    });
  });

  it('creates a topic for a new name, once, named as typed', () => {
    expect(resolveTopicNames(['Clean water ', 'clean water', '¿?'], existing)).toEqual({
      slugs: ['clean-water'],
      created: [{ slug: 'clean-water', name: 'Clean water', nameEs: null }],
    });
  });
});

describe('topicNameKey and topicName', () => {
  it('treats typographic quotes and spacing alike', () => {
    expect(topicNameKey(' Land  “rights” ')).toBe(topicNameKey('land "Rights"'));
  });

  it('shows the Spanish name in Spanish, the English one when there is none', () => {
    expect(topicName(existing[1]!, 'es')).toBe('Minería');
    expect(topicName({ slug: 'x', name: 'X', nameEs: null }, 'es')).toBe('X');
    expect(topicName(existing[1]!, 'en')).toBe('Mining');
  });
});
