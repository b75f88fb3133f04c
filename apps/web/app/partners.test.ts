import { describe, expect, it } from 'vitest';
import { excerpt, externalHref, partnerFeedItemTitle, partnerItemGuid } from './partners.js';

describe('externalHref', () => {
  it('keeps http and https addresses', () => {
    expect(externalHref('https://red-andina.example/news/1?a=1&b=2')).toBe(
      'https://red-andina.example/news/1?a=1&b=2',
    );
    expect(externalHref('http://partner.example')).toBe('http://partner.example/');
  });

  it('refuses anything a browser would run or that is not an address', () => {
    expect(externalHref('javascript:alert(1)')).toBeNull();
    expect(externalHref('JavaScript:alert(1)')).toBeNull();
    expect(externalHref('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(externalHref('/partners')).toBeNull();
    expect(externalHref('')).toBeNull();
  });
});

describe('excerpt', () => {
  it('leaves short text alone', () => {
    expect(excerpt('A short summary.', 160)).toBe('A short summary.');
  });

  it('cuts long text at a word with an ellipsis, within the limit', () => {
    const text = 'Community leaders in Puno ask the regional government to publish the water study, now.';
    const out = excerpt(text, 40);
    expect(out.length).toBeLessThanOrEqual(40);
    expect(out).toBe('Community leaders in Puno ask the…');
  });

  it('cuts a single long word where it must', () => {
    expect(excerpt('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('partner feed entries', () => {
  it('credit the partner in the title, in the feed language', () => {
    expect(partnerFeedItemTitle('Water study published', 'Red Andina', 'en')).toBe(
      'Water study published (via Red Andina)',
    );
    expect(partnerFeedItemTitle('Estudio del agua', 'Red Andina', 'es')).toBe(
      'Estudio del agua (vía Red Andina)',
    );
  });

  it('use our stable id, not the partner link, as the guid', () => {
    expect(partnerItemGuid('0b6f')).toBe('urn:ayni:partner-item:0b6f');
  });
});
