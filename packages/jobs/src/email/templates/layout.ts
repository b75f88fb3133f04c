// The shared layout: one content model rendered twice, as an accessible HTML document and as real plain text.
// HTML: inline styles only, a single 600px-max column of presentation tables (reads on phones), no images,
// AA-contrast colours, buttons that are real links with the address printed beneath them.
import { escapeHtml, type Language } from '@ayni/domain';
import { oneLine, safeHttpUrl } from './escape.js';
import { wrapText } from './text.js';
import type { EmailOrganisation, RenderedEmail } from './types.js';

export type Block =
  /** The email's main heading (one per email). */
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** A call to action: a button in HTML, "label:" and the full address in text. The URL is printed in both. */
  | { kind: 'button'; label: string; url: string }
  /** A news item in a digest: the title links to the article. */
  | { kind: 'article'; title: string; summary: string; url: string };

export interface Unsubscribe {
  url: string;
  /** Why the recipient gets this mail ("You are receiving this because…"). */
  reason: string;
  /** What the link does, when it stops one kind of mail ("Stop emails about this campaign"); else the generic words. */
  label?: string;
}

export interface LayoutInput {
  language: Language;
  subject: string;
  org: EmailOrganisation;
  blocks: readonly Block[];
  /** Bulk mail only. Transactional mail has no unsubscribe link. */
  unsubscribe?: Unsubscribe | null;
}

interface LayoutStrings {
  buttonFallback: string;
  contact: string;
  website: string;
  unsubscribeLink: string;
  unsubscribeText: string;
}

const strings: Record<Language, LayoutStrings> = {
  en: {
    buttonFallback: 'If the button does not work, copy this address into your browser:',
    contact: 'Contact us:',
    website: 'Website:',
    unsubscribeLink: 'Manage your email preferences or unsubscribe',
    unsubscribeText: 'To manage your email preferences or unsubscribe, visit:',
  },
  es: {
    buttonFallback: 'Si el botón no funciona, copia esta dirección en tu navegador:',
    contact: 'Escríbenos a:',
    website: 'Sitio web:',
    unsubscribeLink: 'Administra tus preferencias de correo o date de baja',
    unsubscribeText: 'Para administrar tus preferencias de correo o darte de baja, visita:',
  },
};

// Colours: body text #1f2937 on #ffffff (14.7:1); muted #4b5563 on #ffffff (7.6:1) and on #f3f4f6 (6.9:1);
// links and button #1d4e89 (8.4:1 on white; white on it 8.4:1).
const FONT = 'font-family:Helvetica,Arial,sans-serif;';
const TEXT = `${FONT}font-size:16px;line-height:24px;color:#1f2937;`;
const MUTED = `${FONT}font-size:14px;line-height:21px;color:#4b5563;`;
const LINK = 'color:#1d4e89;text-decoration:underline;';
const ACCENT = '#1d4e89';

export interface LayoutOutput {
  html: string;
  text: string;
}

export function renderLayout(input: LayoutInput): LayoutOutput {
  return { html: renderHtml(input), text: renderText(input) };
}

/**
 * A whole email: the copy's heading (its one main heading), then `blocks`, in the layout. `unsubscribe` is for
 * bulk mail only; its address is also given back for the List-Unsubscribe header.
 */
export function renderMessage(
  language: Language,
  org: EmailOrganisation,
  copy: { subject: string; heading: string },
  blocks: readonly Block[],
  unsubscribe: Unsubscribe | null = null,
): RenderedEmail {
  const { html, text } = renderLayout({
    language,
    subject: copy.subject,
    org,
    blocks: [{ kind: 'heading', text: copy.heading }, ...blocks],
    unsubscribe,
  });
  return { subject: copy.subject, html, text, unsubscribeUrl: unsubscribe?.url ?? null };
}

export function paragraphs(texts: readonly string[]): Block[] {
  return texts.map((text) => ({ kind: 'paragraph', text }));
}

/** The words of an email that asks the reader to do one thing, in one language. */
export interface ActionCopy {
  subject: string;
  heading: string;
  /** Above the button: the greeting and what the email is about. */
  before: readonly string[];
  /** The button's label. */
  button: string;
  /** Below the button: how long the link lasts, and that a reader who did not ask can ignore the email. */
  after: readonly string[];
}

/**
 * A transactional email that asks for one thing (reset a password, confirm a signature, accept an invitation):
 * heading, paragraphs, the one button to `url`, then the paragraphs after it.
 */
export function renderActionEmail(
  language: Language,
  org: EmailOrganisation,
  copy: ActionCopy,
  url: string,
): RenderedEmail {
  return renderMessage(language, org, copy, [
    ...paragraphs(copy.before),
    { kind: 'button', label: copy.button, url },
    ...paragraphs(copy.after),
  ]);
}

function attr(value: string): string {
  return `"${escapeHtml(value)}"`;
}

/** A link if the address is http(s), otherwise just the escaped text (org settings are not validated here). */
function link(url: string, label: string, style: string = LINK): string {
  const href = safeHttpUrl(url);
  return href === null
    ? escapeHtml(label)
    : `<a href=${attr(href)} style=${attr(style)}>${escapeHtml(label)}</a>`;
}

function blockHtml(block: Block, s: LayoutStrings): string {
  switch (block.kind) {
    case 'heading':
      return `<h1 style="${FONT}margin:0 0 16px;font-size:24px;line-height:30px;font-weight:bold;color:#111827;">${escapeHtml(block.text)}</h1>`;
    case 'paragraph':
      return `<p style="${TEXT}margin:0 0 16px;">${escapeHtml(block.text)}</p>`;
    case 'button':
      return [
        '<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px;">',
        `<tr><td style="border-radius:6px;background-color:${ACCENT};">`,
        `<a href=${attr(block.url)} style="${FONT}display:inline-block;padding:12px 24px;font-size:16px;line-height:24px;font-weight:bold;color:#ffffff;background-color:${ACCENT};border-radius:6px;text-decoration:none;">${escapeHtml(block.label)}</a>`,
        '</td></tr>',
        '</table>',
        `<p style="${MUTED}margin:0 0 16px;">${escapeHtml(s.buttonFallback)}<br>`,
        `<a href=${attr(block.url)} style="${LINK}word-break:break-all;">${escapeHtml(block.url)}</a></p>`,
      ].join('\n');
    case 'article':
      return [
        `<h2 style="${FONT}margin:24px 0 8px;padding-top:16px;border-top:1px solid #d1d5db;font-size:19px;line-height:26px;font-weight:bold;color:#111827;">`,
        `<a href=${attr(block.url)} style="${LINK}">${escapeHtml(block.title)}</a></h2>`,
        `<p style="${TEXT}margin:0 0 16px;">${escapeHtml(block.summary)}</p>`,
      ].join('\n');
  }
}

function footerHtml(org: EmailOrganisation, unsubscribe: Unsubscribe | null, s: LayoutStrings): string {
  const address = org.postalAddress
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(escapeHtml)
    .join('<br>');
  const lines = [
    `<p style="${MUTED}margin:0 0 8px;"><strong>${escapeHtml(oneLine(org.name))}</strong><br>${address}</p>`,
    `<p style="${MUTED}margin:0 0 8px;">${escapeHtml(s.website)} ${link(org.siteUrl, org.siteUrl)}<br>`,
    `${escapeHtml(s.contact)} <a href=${attr(`mailto:${org.contactEmail.trim()}`)} style=${attr(LINK)}>${escapeHtml(org.contactEmail.trim())}</a></p>`,
  ];
  if (unsubscribe !== null) {
    lines.push(
      `<p style="${MUTED}margin:16px 0 0;">${escapeHtml(unsubscribe.reason)}<br>`,
      `<a href=${attr(unsubscribe.url)} style=${attr(LINK)}>${escapeHtml(unsubscribe.label ?? s.unsubscribeLink)}</a></p>`,
    );
  }
  return lines.join('\n');
}

function renderHtml(input: LayoutInput): string {
  const s = strings[input.language];
  const lang = escapeHtml(input.language);
  const body = input.blocks.map((block) => blockHtml(block, s)).join('\n');
  return `<!doctype html>
<html lang="${lang}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${escapeHtml(input.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
<div role="article" aria-roledescription="email" aria-label=${attr(input.subject)} lang="${lang}" style="background-color:#f3f4f6;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;">
<tr><td style="${MUTED}padding:0 4px 12px;font-weight:bold;">${escapeHtml(oneLine(input.org.name))}</td></tr>
<tr><td style="padding:32px 24px 16px;background-color:#ffffff;border-radius:8px;">
${body}
</td></tr>
<tr><td style="padding:24px 4px 0;">
${footerHtml(input.org, input.unsubscribe ?? null, s)}
</td></tr>
</table>
</td></tr>
</table>
</div>
</body>
</html>
`;
}

function underlined(text: string, char: string): string[] {
  const lines = wrapText(text);
  const width = Math.max(0, ...lines.map((line) => line.length));
  return [...lines, char.repeat(width)];
}

function blockText(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return underlined(block.text, '=');
    case 'paragraph':
      return wrapText(block.text);
    case 'button':
      return [...wrapText(`${block.label}:`), block.url];
    case 'article':
      return [...underlined(block.title, '-'), ...wrapText(block.summary), block.url];
  }
}

function renderText(input: LayoutInput): string {
  const s = strings[input.language];
  const sections: string[][] = input.blocks.map(blockText);
  const footer = [
    oneLine(input.org.name),
    ...input.org.postalAddress
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    `${s.website} ${input.org.siteUrl.trim()}`,
    `${s.contact} ${input.org.contactEmail.trim()}`,
  ];
  sections.push(['-'.repeat(40), ...footer]);
  if (input.unsubscribe) {
    sections.push([
      ...wrapText(input.unsubscribe.reason),
      ...wrapText(input.unsubscribe.label ? `${input.unsubscribe.label}:` : s.unsubscribeText),
      input.unsubscribe.url,
    ]);
  }
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
