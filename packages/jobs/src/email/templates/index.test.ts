import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { Language } from '@ayni/domain';
import {
  emailTemplateNames,
  emailTemplates,
  escapeHtml,
  isEmailTemplateName,
  linkRequests,
  renderEmail,
  type EmailOrganisation,
  type EmailTemplateName,
} from './index.js';

const org: EmailOrganisation = {
  name: 'Andes Solidarity Network',
  postalAddress: '12 Example Street\nLondon N1 1AA',
  siteUrl: 'https://andes.example.org',
  contactEmail: 'hello@andes.example.org',
};

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const SCRIPT_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
const IMG_ESCAPED = '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;';

const ACCEPT_URL = 'https://andes.example.org/admin/invitations/accept?token=abc&lang=es';
const RESET_URL = 'https://andes.example.org/admin/reset/tok123';
const CONFIRM_URL = 'https://andes.example.org/campaigns/espinar/confirm/sig789';
const CAMPAIGN_URL = 'https://andes.example.org/campaigns/espinar';
const UNSUBSCRIBE_URL = 'https://andes.example.org/subscriptions/manage/u42';
const STOP_URL = 'https://andes.example.org/es/unsubscribe/stop42';
const EVENT_URL = 'https://andes.example.org/events/defending-defenders';
const ONLINE_URL = 'https://meet.example.org/room-42';
const EV_CONFIRM_URL = 'https://andes.example.org/events/confirm/tok-c';
const EV_CANCEL_URL = 'https://andes.example.org/events/cancel/tok-x';
const registration = {
  registrationId: 'reg-1',
  name: 'Ana Quispe',
  eventId: 'ev-1',
  eventTitle: 'Defending the defenders',
  eventSummary: 'A talk.',
  when: 'Wed 21 June, 6.00pm–8.00pm, London time',
  where: 'Amnesty International House, 17–25 New Inn Yard, London',
  eventUrl: EVENT_URL,
  onlineUrl: ONLINE_URL,
  startsAt: '2027-06-21T17:00:00.000Z',
  endsAt: '2027-06-21T19:00:00.000Z',
  timeZone: 'Europe/London',
  venue: { name: 'Amnesty International House', address: '17–25 New Inn Yard, London' },
  status: 'published',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

const samples: Record<EmailTemplateName, Record<string, unknown>> = {
  'event-registration-confirm': { ...registration, position: 3 },
  'event-registered': registration,
  'event-off-the-waitlist': { ...registration, held: true },
  'event-registration-cancelled': registration,
  'event-reminder': registration,
  'test-message': { requestedBy: 'Rosa Mamani' },
  'staff-invitation': {
    invitationId: 'inv-1',
    inviterName: 'Rosa Mamani',
    role: 'editor',
    expiresAt: '2026-06-21T12:00:00Z',
  },
  'password-reset': { userId: 'user-1', name: 'Ana Quispe' },
  'signature-confirmation': {
    signatureId: 'sig-1',
    name: 'Ana Quispe',
    campaignTitle: 'Drop the charges against the Espinar leaders',
  },
  'signature-already-signed': {
    name: 'Ana Quispe',
    campaignTitle: 'Drop the charges against the Espinar leaders',
    campaignUrl: CAMPAIGN_URL,
  },
  'campaign-milestone': {
    signatureId: 'sig-1',
    name: 'Ana Quispe',
    campaignTitle: 'Drop the charges against the Espinar leaders',
    campaignUrl: CAMPAIGN_URL,
    milestoneTitle: '10,000 signatures',
    milestoneDescription: 'We handed them to the prosecutor.\n\nThe hearing is on 3 March.',
  },
  'event-changed': {
    registrationId: 'reg-1',
    name: 'Ana Quispe',
    kind: 'rescheduled',
    eventTitle: 'Vigil for the Espinar leaders',
    eventUrl: EVENT_URL,
    previousWhen: 'Wed 21 June, 6.00pm–8.00pm, London time',
    when: 'Wed 28 June, 6.00pm–8.00pm, London time',
  },
  'weekly-digest': {
    articles: [
      {
        title: 'Fire in Lima exposes forced labour',
        summary: 'Two young workers died locked inside a rooftop container.',
        url: 'https://andes.example.org/news/fire-lima',
      },
      {
        title: 'Puno community leaders still on trial',
        summary: 'Eleven years after the protest, the case drags on.',
        url: 'https://andes.example.org/news/puno-trial',
      },
    ],
  },
};

/** The links the worker would mint for each sample at send time. */
const sampleLinks: Record<EmailTemplateName, Record<string, string>> = {
  'event-registration-confirm': { confirmUrl: EV_CONFIRM_URL, cancelUrl: EV_CANCEL_URL },
  'event-registered': { cancelUrl: EV_CANCEL_URL },
  'event-off-the-waitlist': { confirmUrl: EV_CONFIRM_URL, cancelUrl: EV_CANCEL_URL },
  'event-registration-cancelled': {},
  'event-reminder': { cancelUrl: EV_CANCEL_URL },
  'test-message': {},
  'staff-invitation': { acceptUrl: ACCEPT_URL },
  'password-reset': { resetUrl: RESET_URL },
  'signature-confirmation': { confirmUrl: CONFIRM_URL },
  'signature-already-signed': {},
  'campaign-milestone': { unsubscribeUrl: STOP_URL },
  'event-changed': {},
  'weekly-digest': { unsubscribeUrl: UNSUBSCRIBE_URL },
};

const render = (
  name: EmailTemplateName,
  language: Language,
  data: unknown,
  organisation: EmailOrganisation = org,
  links: Record<string, string> = sampleLinks[name],
) => renderEmail(name, language, data, organisation, links);

/** The link each template exists to deliver. */
const keyLinks: Record<EmailTemplateName, string> = {
  'event-registration-confirm': EV_CONFIRM_URL,
  'event-registered': ONLINE_URL,
  'event-off-the-waitlist': EV_CONFIRM_URL,
  'event-registration-cancelled': EVENT_URL,
  'event-reminder': ONLINE_URL,
  'test-message': org.siteUrl,
  'staff-invitation': ACCEPT_URL,
  'password-reset': RESET_URL,
  'signature-confirmation': CONFIRM_URL,
  'signature-already-signed': CAMPAIGN_URL,
  'campaign-milestone': CAMPAIGN_URL,
  'event-changed': EVENT_URL,
  'weekly-digest': 'https://andes.example.org/news/fire-lima',
};

const subjects: [EmailTemplateName, Language, string][] = [
  ['test-message', 'en', 'Test message from Andes Solidarity Network'],
  ['test-message', 'es', 'Mensaje de prueba de Andes Solidarity Network'],
  ['staff-invitation', 'en', "You're invited to join Andes Solidarity Network on Ayni"],
  ['staff-invitation', 'es', 'Te invitamos a unirte a Andes Solidarity Network en Ayni'],
  ['password-reset', 'en', 'Reset your password for Andes Solidarity Network on Ayni'],
  ['password-reset', 'es', 'Restablece tu contraseña de Andes Solidarity Network en Ayni'],
  [
    'signature-confirmation',
    'en',
    'Confirm your signature on the petition “Drop the charges against the Espinar leaders”',
  ],
  [
    'signature-confirmation',
    'es',
    'Confirma tu firma en la petición “Drop the charges against the Espinar leaders”',
  ],
  [
    'signature-already-signed',
    'en',
    'You have already signed the petition “Drop the charges against the Espinar leaders”',
  ],
  [
    'signature-already-signed',
    'es',
    'Ya firmaste la petición “Drop the charges against the Espinar leaders”',
  ],
  [
    'campaign-milestone',
    'en',
    'Milestone reached on “Drop the charges against the Espinar leaders”: 10,000 signatures',
  ],
  [
    'campaign-milestone',
    'es',
    'Hito alcanzado en “Drop the charges against the Espinar leaders”: 10,000 signatures',
  ],
  ['event-changed', 'en', 'New date for “Vigil for the Espinar leaders”'],
  ['event-changed', 'es', 'Nueva fecha para “Vigil for the Espinar leaders”'],
  ['weekly-digest', 'en', "This week's news from Andes Solidarity Network"],
  ['weekly-digest', 'es', 'Boletín semanal de Andes Solidarity Network'],
  [
    'event-registration-confirm',
    'en',
    'You are on the waitlist for “Defending the defenders”: confirm your email',
  ],
  [
    'event-registration-confirm',
    'es',
    'Estás en la lista de espera de “Defending the defenders”: confirma tu correo',
  ],
  ['event-registered', 'en', 'You have a place at “Defending the defenders”'],
  ['event-registered', 'es', 'Tienes plaza en “Defending the defenders”'],
  [
    'event-off-the-waitlist',
    'en',
    'You are off the waitlist for “Defending the defenders”: you have a place',
  ],
  [
    'event-off-the-waitlist',
    'es',
    'Ya no estás en la lista de espera de “Defending the defenders”: tienes plaza',
  ],
  ['event-registration-cancelled', 'en', 'Your registration for “Defending the defenders” is cancelled'],
  ['event-registration-cancelled', 'es', 'Tu inscripción en “Defending the defenders” está cancelada'],
  ['event-reminder', 'en', 'Reminder: “Defending the defenders” is coming up'],
  ['event-reminder', 'es', 'Recordatorio: “Defending the defenders” es pronto'],
];

function zodIssuePaths(fn: () => unknown): PropertyKey[][] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ZodError);
    return (error as ZodError).issues.map((issue) => issue.path);
  }
  throw new Error('expected a ZodError');
}

describe('the template registry', () => {
  it('lists the thirteen templates with their kinds', () => {
    expect(emailTemplateNames).toEqual([
      'test-message',
      'staff-invitation',
      'password-reset',
      'signature-confirmation',
      'signature-already-signed',
      'campaign-milestone',
      'event-changed',
      'weekly-digest',
      'event-registration-confirm',
      'event-registered',
      'event-off-the-waitlist',
      'event-registration-cancelled',
      'event-reminder',
    ]);
    expect(emailTemplateNames.map((name) => [name, emailTemplates[name].kind])).toEqual([
      ['test-message', 'transactional'],
      ['staff-invitation', 'transactional'],
      ['password-reset', 'transactional'],
      ['signature-confirmation', 'transactional'],
      ['signature-already-signed', 'transactional'],
      ['campaign-milestone', 'bulk'],
      ['event-changed', 'transactional'],
      ['weekly-digest', 'bulk'],
      ['event-registration-confirm', 'transactional'],
      ['event-registered', 'transactional'],
      ['event-off-the-waitlist', 'transactional'],
      ['event-registration-cancelled', 'transactional'],
      ['event-reminder', 'transactional'],
    ]);
    for (const name of emailTemplateNames) expect(emailTemplates[name].name).toBe(name);
  });

  it('recognises template names', () => {
    expect(isEmailTemplateName('password-reset')).toBe(true);
    expect(isEmailTemplateName('weekly-digest')).toBe(true);
    expect(isEmailTemplateName('toString')).toBe(false);
    expect(isEmailTemplateName('newsletter')).toBe(false);
  });
});

describe.each(subjects)('%s in %s', (name, language, subject) => {
  const email = render(name, language, samples[name], org);

  it('has the exact subject, also used as the HTML title', () => {
    expect(email.subject).toBe(subject);
    expect(email.html).toContain(`<title>${escapeHtml(subject)}</title>`);
  });

  it('is a complete HTML document in the right language', () => {
    expect(email.html.startsWith('<!doctype html>\n<html lang="' + language + '" dir="ltr">')).toBe(true);
    expect(email.html.trimEnd().endsWith('</html>')).toBe(true);
    expect(email.html).not.toMatch(/<img|<script|<style|<link/i);
  });

  it('prints the key link in full in the text part and links it in the HTML', () => {
    const link = keyLinks[name];
    expect(email.text.split('\n').some((line) => line === link || line.endsWith(` ${link}`))).toBe(true);
    expect(email.html).toContain(`href="${escapeHtml(link)}"`);
  });

  it("ends both parts with the organisation's footer", () => {
    expect(email.text).toContain(
      [
        'Andes Solidarity Network',
        '12 Example Street',
        'London N1 1AA',
        `${language === 'es' ? 'Sitio web:' : 'Website:'} https://andes.example.org`,
        `${language === 'es' ? 'Escríbenos a:' : 'Contact us:'} hello@andes.example.org`,
      ].join('\n'),
    );
    expect(email.html).toContain(
      '<strong>Andes Solidarity Network</strong><br>12 Example Street<br>London N1 1AA',
    );
    expect(email.html).toContain('href="mailto:hello@andes.example.org"');
  });

  it('wraps the text part at 72 columns, never breaking a link', () => {
    for (const line of email.text.split('\n')) {
      if (line.length > 72) expect(line).toMatch(/^https?:\/\/\S+$/);
    }
  });

  it('prints every button address as text next to the button', () => {
    const buttons = [...email.html.matchAll(/display:inline-block;[^>]*>/g)];
    const hrefs = [...email.html.matchAll(/<a href="([^"]+)"[^>]*display:inline-block/g)].map((m) => m[1]);
    expect(hrefs.length).toBe(buttons.length);
    for (const href of hrefs) expect(email.html).toContain(`word-break:break-all;">${href}</a>`);
  });
});

describe('unsubscribe links', () => {
  it.each(['en', 'es'] as const)(
    'the weekly digest (bulk) has one in the footer of both parts (%s)',
    (language) => {
      const email = render('weekly-digest', language, samples['weekly-digest'], org);
      expect(email.unsubscribeUrl).toBe(UNSUBSCRIBE_URL);
      const [, textFooter] = email.text.split('-'.repeat(40));
      expect(textFooter).toBeDefined();
      expect(textFooter?.trimEnd().endsWith(`\n${UNSUBSCRIBE_URL}`)).toBe(true);
      const htmlFooter = email.html.slice(email.html.indexOf('<strong>Andes Solidarity Network</strong>'));
      const linkText =
        language === 'es'
          ? 'Administra tus preferencias de correo o date de baja'
          : 'Manage your email preferences or unsubscribe';
      expect(htmlFooter).toContain(
        `<a href="${UNSUBSCRIBE_URL}" style="color:#1d4e89;text-decoration:underline;">${linkText}</a>`,
      );
      expect(email.text).toContain(
        language === 'es'
          ? 'Recibes este boletín semanal porque te suscribiste a las noticias de\nAndes Solidarity Network.\nPara administrar tus preferencias de correo o darte de baja, visita:\n' +
              UNSUBSCRIBE_URL
          : 'You are receiving this weekly digest because you subscribed to news from\nAndes Solidarity Network.\nTo manage your email preferences or unsubscribe, visit:\n' +
              UNSUBSCRIBE_URL,
      );
    },
  );

  it.each(['en', 'es'] as const)(
    'a milestone email (bulk) says why it came and links "stop emails about this campaign" in both parts (%s)',
    (language) => {
      const email = render('campaign-milestone', language, samples['campaign-milestone'], org);
      expect(email.unsubscribeUrl).toBe(STOP_URL);
      const label =
        language === 'es' ? 'Dejar de recibir correos sobre esta campaña' : 'Stop emails about this campaign';
      expect(email.html).toContain(
        `<a href="${STOP_URL}" style="color:#1d4e89;text-decoration:underline;">${label}</a>`,
      );
      expect(email.text.trimEnd().endsWith(`${label}:\n${STOP_URL}`)).toBe(true);
      const text = email.text.replace(/\s+/g, ' ');
      expect(text).toContain(
        language === 'es'
          ? 'pediste recibir noticias de esta campaña'
          : 'because you asked for updates about this campaign when you signed the petition',
      );
      // The milestone's title and description, and the hub.
      expect(text).toContain('10,000 signatures.');
      expect(text).toContain('We handed them to the prosecutor. The hearing is on 3 March.');
      expect(email.html).toContain(
        '<p style="font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:24px;color:#1f2937;margin:0 0 16px;">The hearing is on 3 March.</p>',
      );
    },
  );

  it.each(subjects.filter(([name]) => emailTemplates[name].kind === 'transactional'))(
    '%s (transactional, %s) has none',
    (name, language) => {
      const email = render(name, language, samples[name], org);
      expect(email.unsubscribeUrl).toBeNull();
      for (const part of [email.text, email.html]) {
        expect(part).not.toMatch(/unsubscribe|darte de baja|date de baja|preferenc/i);
      }
    },
  );
});

describe('escaping', () => {
  it('escapes & < > " and \' for HTML text and attributes', () => {
    expect(escapeHtml(`Tom & "Jerry" <b>'s</b>`)).toBe(
      'Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;',
    );
    expect(escapeHtml(SCRIPT)).toBe(SCRIPT_ESCAPED);
    expect(escapeHtml(IMG)).toBe(IMG_ESCAPED);
    expect(escapeHtml('Año — “Perú”')).toBe('Año — “Perú”');
  });

  const hostile: [EmailTemplateName, Record<string, unknown>][] = [
    ['test-message', { requestedBy: SCRIPT + IMG }],
    ['staff-invitation', { ...samples['staff-invitation'], inviterName: SCRIPT, role: IMG }],
    ['password-reset', { ...samples['password-reset'], name: SCRIPT + IMG }],
    ['signature-confirmation', { ...samples['signature-confirmation'], name: IMG, campaignTitle: SCRIPT }],
    [
      'campaign-milestone',
      { ...samples['campaign-milestone'], name: IMG, milestoneTitle: SCRIPT, milestoneDescription: IMG },
    ],
    [
      'weekly-digest',
      {
        articles: [{ title: SCRIPT, summary: IMG, url: 'https://andes.example.org/news/x' }],
      },
    ],
  ];

  describe.each(hostile)('%s with markup in its data', (name, data) => {
    it.each(['en', 'es'] as const)('is escaped in HTML and literal in text (%s)', (language) => {
      const email = render(name, language, data, org);
      expect(email.html).toContain(SCRIPT_ESCAPED);
      expect(email.html).toContain(IMG_ESCAPED);
      expect(email.html).not.toContain('<script');
      expect(email.html).not.toContain('<img');
      expect(email.text).toContain(SCRIPT);
      expect(email.text).toContain(IMG);
    });
  });

  it("escapes the organisation's own details and refuses to link a non-web site address", () => {
    const email = render('test-message', 'en', samples['test-message'], {
      name: `Red <b>Andina</b>`,
      postalAddress: `1 "Quote" St\n<London>`,
      siteUrl: 'javascript:alert(1)',
      contactEmail: 'a"b@example.org',
    });
    expect(email.subject).toBe('Test message from Red <b>Andina</b>');
    expect(email.html).toContain('<title>Test message from Red &lt;b&gt;Andina&lt;/b&gt;</title>');
    expect(email.html).toContain('1 &quot;Quote&quot; St<br>&lt;London&gt;');
    expect(email.html).toContain('Website: javascript:alert(1)<br>');
    expect(email.html).not.toContain('href="javascript:');
    expect(email.html).toContain('href="mailto:a&quot;b@example.org"');
    expect(email.html).not.toContain('<b>');
  });

  it('keeps line breaks out of subjects', () => {
    const email = render(
      'signature-confirmation',
      'en',
      {
        ...samples['signature-confirmation'],
        campaignTitle: 'Justice\r\nBcc: everyone@example.org',
      },
      org,
    );
    expect(email.subject).toBe('Confirm your signature on the petition “Justice Bcc: everyone@example.org”');
  });
});

const confirmLink = { kind: 'event-registration', registrationId: 'reg-1', purpose: 'confirm' };
const cancelLink = { kind: 'event-registration', registrationId: 'reg-1', purpose: 'cancel' };

describe('links minted at send time', () => {
  it('are what the templates with links ask the worker for; the data names what the link is for', () => {
    expect(
      Object.fromEntries(emailTemplateNames.map((name) => [name, linkRequests(name, samples[name])])),
    ).toEqual({
      'test-message': {},
      'staff-invitation': { acceptUrl: { kind: 'staff-invitation', invitationId: 'inv-1' } },
      'password-reset': { resetUrl: { kind: 'password-reset', userId: 'user-1' } },
      'signature-confirmation': { confirmUrl: { kind: 'signature-confirmation', signatureId: 'sig-1' } },
      'signature-already-signed': {},
      'campaign-milestone': {
        unsubscribeUrl: { kind: 'campaign-updates-unsubscribe', signatureId: 'sig-1' },
      },
      'event-changed': {},
      'weekly-digest': { unsubscribeUrl: { kind: 'unsubscribe', list: 'weekly-digest' } },
      'event-registration-confirm': { confirmUrl: confirmLink, cancelUrl: cancelLink },
      'event-registered': { cancelUrl: cancelLink },
      'event-off-the-waitlist': { confirmUrl: confirmLink, cancelUrl: cancelLink },
      'event-registration-cancelled': {},
      'event-reminder': { cancelUrl: cancelLink },
    });
  });

  it('attach the event as a calendar file to "registered" and "off the waitlist" with a place, with the online link', () => {
    for (const [name, data] of [
      ['event-registered', samples['event-registered']],
      ['event-off-the-waitlist', { ...samples['event-off-the-waitlist'], held: false }],
    ] as const) {
      const email = render(name, 'es', data);
      expect(email.attachments?.map((a) => [a.filename, a.contentType])).toEqual([
        ['event.ics', 'text/calendar; charset=utf-8; method=PUBLISH'],
      ]);
      const ics = email.attachments![0]!.content.replace(/\r\n[ \t]/g, '');
      expect(ics).toContain('UID:ev-1@andes.example.org');
      expect(ics).toContain('DTSTART;TZID=Europe/London:20270621T180000');
      expect(ics).toContain(ONLINE_URL);
    }
    expect(
      render('event-off-the-waitlist', 'en', samples['event-off-the-waitlist']).attachments,
    ).toBeUndefined();
    expect(
      render('event-registration-confirm', 'en', samples['event-registration-confirm']).attachments,
    ).toBeUndefined();
  });

  it.each(emailTemplateNames)('%s keeps no link in its data, even when given one', (name) => {
    const withLinks = { ...samples[name], ...sampleLinks[name], url: RESET_URL, token: 'tok123' };
    const kept = JSON.stringify(emailTemplates[name].data.parse(withLinks));
    expect(kept).not.toContain('tok123');
    for (const link of [RESET_URL, ...Object.values(sampleLinks[name])]) expect(kept).not.toContain(link);
  });
});

describe('validation', () => {
  const unsafeUrls: [EmailTemplateName, Record<string, unknown>, Record<string, string>, PropertyKey[]][] = [
    ['staff-invitation', samples['staff-invitation'], { acceptUrl: 'javascript:alert(1)' }, ['acceptUrl']],
    ['password-reset', samples['password-reset'], { resetUrl: 'javascript:alert(1)' }, ['resetUrl']],
    [
      'signature-confirmation',
      samples['signature-confirmation'],
      { confirmUrl: 'javascript:alert(1)' },
      ['confirmUrl'],
    ],
    [
      'campaign-milestone',
      samples['campaign-milestone'],
      { unsubscribeUrl: 'javascript:alert(1)' },
      ['unsubscribeUrl'],
    ],
    [
      'weekly-digest',
      samples['weekly-digest'],
      { unsubscribeUrl: 'javascript:alert(1)' },
      ['unsubscribeUrl'],
    ],
    [
      'weekly-digest',
      {
        ...samples['weekly-digest'],
        articles: [{ title: 'T', summary: 'S', url: 'javascript:alert(1)' }],
      },
      sampleLinks['weekly-digest'],
      ['articles', 0, 'url'],
    ],
  ];

  it.each(unsafeUrls)('%s refuses a javascript: URL, naming the field', (name, data, links, path) => {
    expect(zodIssuePaths(() => render(name, 'en', data, org, links))).toEqual([path]);
  });

  it('explains what a link must look like', () => {
    const data = samples['password-reset'];
    expect(() => render('password-reset', 'en', data, org, { resetUrl: 'data:text/html,hi' })).toThrow(
      'Reset URL must be a web address starting with http:// or https://',
    );
    expect(() => render('password-reset', 'en', data, org, { resetUrl: '/admin/reset/abc' })).toThrow(
      'Reset URL must be a web address starting with http:// or https://',
    );
  });

  it('names each missing field and link', () => {
    expect(zodIssuePaths(() => render('password-reset', 'en', { name: 'Ana' }))).toEqual([['userId']]);
    expect(zodIssuePaths(() => render('password-reset', 'en', samples['password-reset'], org, {}))).toEqual([
      ['resetUrl'],
    ]);
    expect(() => render('password-reset', 'en', samples['password-reset'], org, {})).toThrow(
      'Reset URL is required',
    );
    expect(zodIssuePaths(() => render('staff-invitation', 'es', {}))).toEqual([
      ['invitationId'],
      ['inviterName'],
      ['role'],
      ['expiresAt'],
    ]);
    expect(zodIssuePaths(() => render('test-message', 'en', { requestedBy: '   ' }))).toEqual([
      ['requestedBy'],
    ]);
    expect(
      zodIssuePaths(() => render('signature-confirmation', 'en', { signatureId: 'sig-1', name: 'Ana' })),
    ).toEqual([['campaignTitle']]);
  });

  it('needs at least one article in the digest', () => {
    expect(zodIssuePaths(() => render('weekly-digest', 'en', { articles: [] }, org))).toEqual([['articles']]);
  });

  it('refuses an expiry that is not an ISO date-time, and an unknown time zone', () => {
    expect(
      zodIssuePaths(() =>
        render('staff-invitation', 'en', { ...samples['staff-invitation'], expiresAt: 'next Tuesday' }, org),
      ),
    ).toEqual([['expiresAt']]);
    expect(
      zodIssuePaths(() =>
        render('staff-invitation', 'en', { ...samples['staff-invitation'], timeZone: 'Mars/Olympus' }, org),
      ),
    ).toEqual([['timeZone']]);
  });

  it('refuses a language other than en or es', () => {
    expect(() => render('test-message', 'fr' as Language, samples['test-message'], org)).toThrow(ZodError);
  });
});

describe('staff invitation details', () => {
  it('states the role and when the link expires, in London time by default', () => {
    const en = render('staff-invitation', 'en', samples['staff-invitation'], org);
    expect(en.text).toContain(
      'Your role will be: Editor — writes, schedules and publishes articles and\npages.',
    );
    expect(en.html).toContain(
      'This invitation expires on Sunday 21 June 2026 at 13:00 (British Summer Time). If it expires before you accept it, ask Rosa Mamani to send you a new one.',
    );
    expect(en.html).toContain(
      'If you were not expecting this invitation, you can ignore this email: no account will be created.',
    );

    const es = render('staff-invitation', 'es', samples['staff-invitation'], org);
    expect(es.html).toContain('Tu rol será: Editor(a) — redacta, programa y publica artículos y páginas.');
    expect(es.html).toMatch(
      /Esta invitación vence el domingo 21 de junio de 2026 a la 1:00\sp\.\sm\. \(hora de verano británica\)\./,
    );
    expect(es.html).toContain(
      'Si no esperabas esta invitación, puedes ignorar este correo: no se creará ninguna cuenta.',
    );
  });

  it('shows the expiry in another zone when asked', () => {
    const es = render(
      'staff-invitation',
      'es',
      { ...samples['staff-invitation'], expiresAt: '2026-01-09T23:30:00Z', timeZone: 'America/Lima' },
      org,
    );
    expect(es.html).toMatch(
      /vence el viernes 9 de enero de 2026 a las 6:30\sp\.\sm\. \(hora estándar de Perú\)\./,
    );
  });

  it('shows an unknown role as given, and knows roles whatever their case', () => {
    const custom = render(
      'staff-invitation',
      'en',
      { ...samples['staff-invitation'], role: 'Volunteer' },
      org,
    );
    expect(custom.text).toContain('Your role will be: Volunteer.');
    const upper = render(
      'staff-invitation',
      'es',
      { ...samples['staff-invitation'], role: 'MEMBERSHIP' },
      org,
    );
    expect(upper.text).toContain(
      'Tu rol será: Responsable de membresías — se ocupa de los miembros, las\nrenovaciones y las exportaciones.',
    );
  });
});

describe('the other templates say what matters', () => {
  it('password reset: one hour, single use, ignore if not asked', () => {
    const en = render('password-reset', 'en', samples['password-reset'], org);
    expect(en.text).toContain('Hello Ana Quispe,');
    expect(en.text).toContain('The link is valid for 1 hour and can be used only once.');
    expect(en.text).toContain('Choose a new password:\n' + RESET_URL);
    const es = render('password-reset', 'es', samples['password-reset'], org);
    expect(es.text).toContain('Hola, Ana Quispe:');
    expect(es.text).toContain('El enlace es válido durante 1 hora y solo se puede usar una vez.');
    expect(es.text).toContain('Elegir una nueva contraseña:\n' + RESET_URL);
  });

  it('signature confirmation: the signature counts only once confirmed', () => {
    const en = render('signature-confirmation', 'en', samples['signature-confirmation'], org);
    expect(en.html).toContain('Your signature will only count once you have confirmed it.');
    expect(en.html).toContain(`>Confirm my signature on “Drop the charges against the Espinar leaders”</a>`);
    const es = render('signature-confirmation', 'es', samples['signature-confirmation'], org);
    expect(es.html).toContain('Tu firma solo se contará cuando la hayas confirmado.');
    expect(es.html).toContain(`>Confirmar mi firma en “Drop the charges against the Espinar leaders”</a>`);
  });

  it('test message: says who asked for it', () => {
    const es = render('test-message', 'es', samples['test-message'], org);
    expect(es.html).toContain(
      'Este es un mensaje de prueba de Andes Solidarity Network, enviado desde Ayni.',
    );
    expect(es.html).toContain('Lo solicitó Rosa Mamani para comprobar');
  });

  it('weekly digest: every article with its title linked and its address in the text', () => {
    const en = render('weekly-digest', 'en', samples['weekly-digest'], org);
    expect(en.text).toContain(
      'Fire in Lima exposes forced labour\n----------------------------------\nTwo young workers died locked inside a rooftop container.\nhttps://andes.example.org/news/fire-lima',
    );
    expect(en.html).toContain(
      '<a href="https://andes.example.org/news/puno-trial" style="color:#1d4e89;text-decoration:underline;">Puno community leaders still on trial</a></h2>',
    );
    expect(en.text).toContain('Here are the 2 articles Andes Solidarity Network published this week.');
    const one = render(
      'weekly-digest',
      'es',
      { ...samples['weekly-digest'], articles: [(samples['weekly-digest'].articles as unknown[])[0]] },
      org,
    );
    expect(one.text).toContain('Esta es la noticia que Andes Solidarity Network publicó esta semana.');
  });
});
