import { describe, expect, it } from 'vitest';
import { eventInputSchema, registrationInputSchema, registrationInputSchemaFor } from './schema.js';

const base = {
  translations: { en: { title: 'Defending the defenders' } },
  startsAt: '2026-06-21T17:00:00Z',
  endsAt: '2026-06-21T19:00:00Z',
  timeZone: 'Europe/London',
  venue: { name: 'Human Rights Action Centre', address: '25 New Inn Yard, London' },
};

describe('eventInputSchema', () => {
  it('parses dates and fills defaults', () => {
    expect(eventInputSchema.parse(base)).toEqual({
      translations: { en: { title: 'Defending the defenders', summary: '', body: '' } },
      startsAt: new Date('2026-06-21T17:00:00Z'),
      endsAt: new Date('2026-06-21T19:00:00Z'),
      timeZone: 'Europe/London',
      venue: { name: 'Human Rights Action Centre', address: '25 New Inn Yard, London' },
      onlineUrl: null,
      accessibility: '',
      accessibilityFacts: [],
      capacity: null,
      registrationOpen: true,
      registrationMode: 'here',
      registrationUrl: null,
      registrationOpensAt: null,
      registrationClosesAt: null,
    });
  });

  it('accepts an online-only event and treats empty venue fields as no venue', () => {
    const parsed = eventInputSchema.parse({
      ...base,
      venue: { name: '', address: '' },
      onlineUrl: ' https://meet.example.org/abc ',
    });
    expect([parsed.venue, parsed.onlineUrl]).toEqual([null, 'https://meet.example.org/abc']);
  });

  it.each([
    [{ endsAt: '2026-06-21T17:00:00Z' }, ['endsAt'], 'The event must end after it starts'],
    [{ endsAt: '2026-06-21T16:00:00Z' }, ['endsAt'], 'The event must end after it starts'],
    [{ venue: null }, ['venue'], 'Give a venue, an online link, or both'],
    [{ venue: null, onlineUrl: '' }, ['venue'], 'Give a venue, an online link, or both'],
    [{ venue: { name: '', address: 'Lima' } }, ['venue', 'name'], 'Venue name is required'],
    [
      { timeZone: 'Mars/Olympus' },
      ['timeZone'],
      'Time zone must be a place name such as Europe/London or America/Lima',
    ],
    [
      { onlineUrl: 'ftp://files.example.org' },
      ['onlineUrl'],
      'Online link must be a web address starting with https:// or http://',
    ],
    [
      { onlineUrl: 'javascript:alert(1)' },
      ['onlineUrl'],
      'Online link must be a web address starting with https:// or http://',
    ],
    [
      { onlineUrl: 'meet.example.org' },
      ['onlineUrl'],
      'Online link must be a web address starting with https:// or http://',
    ],
    [{ capacity: 0 }, ['capacity'], 'Capacity must be at least 1, or left empty for no limit'],
    [{ startsAt: '21/06/2026' }, ['startsAt'], 'Start time must be a valid date'],
    [{ translations: { en: { title: '' } } }, ['translations', 'en', 'title'], 'Title is required'],
    [{ translations: {} }, ['translations'], 'Write the texts in English, in Spanish, or in both'],
  ])('%# reports %j: %s', (change, path, message) => {
    const result = eventInputSchema.safeParse({ ...base, ...change });
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([[path, message]]);
  });
});

it('takes one event in both languages', () => {
  const parsed = eventInputSchema.parse({
    ...base,
    translations: {
      en: { title: 'Defending the defenders', slug: 'defenders' },
      es: { title: 'Defender a quienes defienden', slug: 'defensores' },
    },
  });
  expect([parsed.translations.en?.slug, parsed.translations.es?.title]).toEqual([
    'defenders',
    'Defender a quienes defienden',
  ]);
});

describe('registrationInputSchemaFor', () => {
  it('trims name and email and keeps no access-needs consent without access needs', () => {
    expect(
      registrationInputSchema.parse({
        name: ' Rosa ',
        email: ' rosa@example.org ',
        accessNeeds: ' ',
        consent: true,
        accessNeedsConsent: true,
      }),
    ).toEqual({
      name: 'Rosa',
      email: 'rosa@example.org',
      accessNeeds: null,
      consent: true,
      accessNeedsConsent: false,
    });
  });

  it('keeps access needs with their consent', () => {
    const parsed = registrationInputSchemaFor('es').parse({
      name: 'Rosa',
      email: 'rosa@example.org',
      accessNeeds: 'Silla de ruedas',
      consent: true,
      accessNeedsConsent: true,
    });
    expect([parsed.accessNeeds, parsed.accessNeedsConsent]).toEqual(['Silla de ruedas', true]);
  });

  it.each([
    ['en', { email: 'rosa@example.org', consent: true }, 'name', 'Enter your name'],
    ['es', { name: 'Rosa', email: '', consent: true }, 'email', 'Escribe tu correo electrónico'],
    [
      'en',
      { name: 'Rosa', email: 'rosa@example.org' },
      'consent',
      'Tick the box to agree to us keeping your registration',
    ],
    [
      'es',
      { name: 'Rosa', email: 'rosa@example.org', consent: true, accessNeeds: 'Bucle magnético' },
      'accessNeedsConsent',
      'Marca la casilla para aceptar que guardemos tus necesidades de accesibilidad, o deja ese campo vacío',
    ],
  ] as const)('%s: %# reports %s', (language, input, field, message) => {
    const issue = registrationInputSchemaFor(language).safeParse(input).error?.issues[0];
    expect([issue?.path, issue?.message]).toEqual([[field], message]);
  });
});
