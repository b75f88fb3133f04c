import { Feed } from 'feed';
import { describe, expect, it } from 'vitest';
import { escapeHtml, xmlHtmlText, xmlText } from './xml-text.js';

describe('xmlText', () => {
  it('drops characters XML forbids and never leaves a "]]>" to end a CDATA section', () => {
    expect(xmlText('a\u0001b\uFFFEc\u0008d')).toBe('abcd');
    expect(xmlText('tab\tnew\nline')).toBe('tab\tnew\nline');
    expect(xmlText('x]]>y]]>z')).toBe('x]]&gt;y]]&gt;z');
    expect(xmlText('lone \uD800 surrogate, pair 😀')).toBe('lone  surrogate, pair 😀');
  });

  it('keeps a hostile title inside its own element in an RSS feed', () => {
    const hostile =
      'x]]>y]]></title><description><![CDATA[<img src=x onerror=alert(1)>]]></description><title><![CDATA[z\u0001';
    const feed = new Feed({ id: 'https://a.example/', title: 'T', copyright: '' });
    feed.addItem({ title: xmlText(hostile), link: 'https://a.example/1', date: new Date(0) });
    const xml = feed.rss2();
    const item = xml.slice(xml.indexOf('<item>'), xml.indexOf('</item>'));
    // Only one "]]>" — the end of the title's CDATA section — so all of the title stays text, and nothing of it
    // (not the "</title><description>" inside) is read as markup.
    expect(item.split(']]>')).toHaveLength(2);
    expect(item).toContain(`<title><![CDATA[${xmlText(hostile)}]]></title>`);
    expect(xml).not.toContain('\u0001');
  });
});

describe('escapeHtml', () => {
  it('turns markup into text', () => {
    expect(escapeHtml('<script>alert(1)</script> & <img src=x onerror="alert(1)">')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=&quot;alert(1)&quot;&gt;',
    );
  });
});

describe('xmlHtmlText', () => {
  it('leaves no markup and no "]]>" in text a feed publishes as HTML', () => {
    const text = xmlHtmlText(`<script>alert('t1')</script><svg onload=alert(1)> ]]> \u0001`);
    expect(text).toBe('&lt;script&gt;alert(&#39;t1&#39;)&lt;/script&gt;&lt;svg onload=alert(1)&gt; ]]&gt; ');
    expect(text).not.toMatch(/[<>]/);
  });
});
