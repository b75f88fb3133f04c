import { describe, expect, it } from 'vitest';
import { renderLayout } from './layout.js';

const org = {
  name: 'Red Andina',
  postalAddress: '1 Calle Real\n\n  Lima 15001  ',
  siteUrl: 'https://redandina.example.pe',
  contactEmail: 'hola@redandina.example.pe',
};

describe('renderLayout', () => {
  const { html, text } = renderLayout({
    language: 'es',
    subject: 'Asunto',
    org,
    blocks: [
      { kind: 'heading', text: 'Título' },
      { kind: 'paragraph', text: 'Un párrafo.' },
      { kind: 'button', label: 'Abrir la página', url: 'https://redandina.example.pe/a?b=1&c=2' },
    ],
  });

  it('is a single-column, phone-friendly document with no images or stylesheets', () => {
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('max-width:600px');
    expect(html).toContain('<h1 ');
    expect(html).not.toMatch(/<img|<style|<link|<script/);
    for (const table of html.match(/<table[^>]*>/g) ?? []) expect(table).toContain('role="presentation"');
  });

  it('renders a button as a real link with the address printed below it', () => {
    expect(html).toContain('href="https://redandina.example.pe/a?b=1&amp;c=2"');
    expect(html).toContain(
      'Si el botón no funciona, copia esta dirección en tu navegador:<br>\n<a href="https://redandina.example.pe/a?b=1&amp;c=2" style="color:#1d4e89;text-decoration:underline;word-break:break-all;">https://redandina.example.pe/a?b=1&amp;c=2</a></p>',
    );
  });

  it('writes the text part as text', () => {
    expect(text).toBe(
      [
        'Título',
        '======',
        '',
        'Un párrafo.',
        '',
        'Abrir la página:',
        'https://redandina.example.pe/a?b=1&c=2',
        '',
        '-'.repeat(40),
        'Red Andina',
        '1 Calle Real',
        'Lima 15001',
        'Sitio web: https://redandina.example.pe',
        'Escríbenos a: hola@redandina.example.pe',
        '',
      ].join('\n'),
    );
  });

  it('has no unsubscribe link unless one is given', () => {
    expect(html).not.toContain('date de baja');
    const bulk = renderLayout({
      language: 'en',
      subject: 'S',
      org,
      blocks: [],
      unsubscribe: { url: 'https://redandina.example.pe/u/1', reason: 'You subscribed.' },
    });
    expect(bulk.html).toContain('>Manage your email preferences or unsubscribe</a>');
    expect(
      bulk.text.endsWith(
        'You subscribed.\nTo manage your email preferences or unsubscribe, visit:\nhttps://redandina.example.pe/u/1\n',
      ),
    ).toBe(true);
  });
});
