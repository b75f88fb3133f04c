import { describe, expect, it } from 'vitest';
import {
  campaignInputSchema,
  CONSENT_REQUIRED_MESSAGE,
  countryOptions,
  signatureSource,
  signatureInputSchema,
  signatureInputSchemaFor,
} from './schema.js';

const valid = { name: 'Ana Quispe', email: 'ana@example.pe', country: 'PE', consent: true };

describe('signatureInputSchema', () => {
  it('normalises what a supporter typed', () => {
    expect(
      signatureInputSchema.parse({
        name: ' Ana ',
        email: ' ana@example.pe ',
        country: ' gb ',
        postcode: ' SW1A 1AA ',
        consent: true,
      }),
    ).toEqual({
      name: 'Ana',
      email: 'ana@example.pe',
      country: 'GB',
      postcode: 'SW1A 1AA',
      consent: true,
      updates: false,
    });
  });

  it.each([
    [undefined, null],
    [null, null],
    ['', null],
    ['   ', null],
    ['LIMA 15074', 'LIMA 15074'],
  ])('postcode %j → %j', (postcode, expected) => {
    expect(signatureInputSchema.parse({ ...valid, postcode }).postcode).toBe(expected);
  });

  it.each([
    ['UK', 'GB'],
    ['pe', 'PE'],
  ])('country %j → %j', (country, expected) => {
    expect(signatureInputSchema.parse({ ...valid, country }).country).toBe(expected);
  });

  it.each([
    [{ ...valid, consent: false }, 'consent', CONSENT_REQUIRED_MESSAGE],
    [{ ...valid, consent: undefined }, 'consent', CONSENT_REQUIRED_MESSAGE],
    [{ ...valid, name: '' }, 'name', 'Enter your name'],
    [{ ...valid, name: 'x'.repeat(121) }, 'name', 'Your name must be 120 characters or fewer'],
    [{ ...valid, email: 'ana@' }, 'email', 'Enter an email address in the format name@example.com'],
    [{ ...valid, country: 'Peru' }, 'country', 'Choose your country'],
    [{ ...valid, country: 'XX' }, 'country', 'Choose your country'],
    [{ ...valid, country: 'EU' }, 'country', 'Choose your country'],
    [{ ...valid, postcode: 'x'.repeat(17) }, 'postcode', 'Your postcode must be 16 characters or fewer'],
  ])('%# reports %s: %s', (input, field, message) => {
    const issue = signatureInputSchema.safeParse(input).error?.issues[0];
    expect(issue?.path).toEqual([field]);
    expect(issue?.message).toBe(message);
  });

  it('names each field in Spanish for the Spanish form', () => {
    const result = signatureInputSchemaFor('es').safeParse({ name: ' ', email: 'ana@', country: 'XX' });
    expect(
      Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message])),
    ).toEqual({
      name: 'Escribe tu nombre',
      email: 'Escribe un correo electrónico con el formato nombre@ejemplo.com',
      country: 'Elige tu país',
      consent: 'Marca la casilla para aceptar que guardemos tu firma',
    });
  });
});

describe('campaignInputSchema', () => {
  it('fills defaults and parses petition dates', () => {
    expect(
      campaignInputSchema.parse({
        translations: {
          es: { title: 'Justicia para Puno', petitionText: 'Pedimos…' },
        },
        petition: {
          target: 'Fiscalía',
          signatureGoal: 500,
          deadline: '2026-06-30T23:00:00Z',
        },
        milestones: [{ translations: { es: { title: 'Entrega de firmas' } } }],
      }),
    ).toEqual({
      translations: {
        es: { title: 'Justicia para Puno', summary: '', body: '', petitionText: 'Pedimos…' },
      },
      petition: {
        target: 'Fiscalía',
        signatureGoal: 500,
        deadline: new Date('2026-06-30T23:00:00Z'),
      },
      milestones: [
        {
          date: null,
          reached: false,
          signatureThreshold: null,
          translations: { es: { title: 'Entrega de firmas', description: '' } },
        },
      ],
    });
  });

  it('takes one campaign in both languages, with a slug each (they may be the same)', () => {
    const parsed = campaignInputSchema.parse({
      translations: {
        en: { slug: 'agua', title: 'Water is life' },
        es: { slug: 'agua', title: 'El agua es vida' },
      },
    });
    expect([parsed.translations.en?.slug, parsed.translations.es?.slug]).toEqual(['agua', 'agua']);
  });

  it.each([
    [{ translations: {} }, ['translations'], 'Write the texts in English, in Spanish, or in both'],
    [{ translations: { en: { title: '' } } }, ['translations', 'en', 'title'], 'Title is required'],
    [
      { translations: { es: { title: 't', slug: 'Agua!' } } },
      ['translations', 'es', 'slug'],
      'Slug may contain only lower-case letters, digits and hyphens',
    ],
    [
      {
        translations: { en: { title: 't', petitionText: 'x' }, es: { title: 't' } },
        petition: { target: 'y', signatureGoal: 1 },
      },
      ['translations', 'es', 'petitionText'],
      'Petition text is required',
    ],
    [
      {
        translations: { en: { title: 't' }, es: { title: 't' } },
        milestones: [{ translations: { en: { title: 'Launch' } } }],
      },
      ['milestones', 0, 'translations', 'es', 'title'],
      'Milestone title is required',
    ],
  ])('%# reports %j: %s', (input, path, message) => {
    const issues = campaignInputSchema.safeParse(input).error?.issues;
    expect(issues?.map((i) => [i.path, i.message])).toEqual([[path, message]]);
  });

  it.each([
    [{ target: '', signatureGoal: 1 }, ['petition', 'target'], 'Petition target is required'],
    [{ target: 'y', signatureGoal: 0 }, ['petition', 'signatureGoal'], 'Signature goal must be at least 1'],
    [
      { target: 'y', signatureGoal: 2.5 },
      ['petition', 'signatureGoal'],
      'Signature goal must be a whole number',
    ],
    [
      { target: 'y', signatureGoal: 1, deadline: 'soon' },
      ['petition', 'deadline'],
      'Deadline must be a valid date',
    ],
  ])('%# reports %j: %s', (petition, path, message) => {
    const issue = campaignInputSchema.safeParse({
      translations: { en: { title: 't', petitionText: 'x' } },
      petition,
    }).error?.issues[0];
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toBe(message);
  });
});

describe('a campaign’s slug', () => {
  it('may not be one of the fixed pages under /campaigns', () => {
    const issue = campaignInputSchema.safeParse({
      translations: { en: { title: 'Confirm', slug: 'confirm' } },
    }).error?.issues[0];
    expect([issue?.path, issue?.message]).toEqual([
      ['translations', 'en', 'slug'],
      'This slug is taken by one of the site’s own campaign pages: choose another',
    ]);
  });
});

const nameList = (list: readonly { name: string }[]) => list.map((c) => c.name);

describe('countryOptions', () => {
  it('names every country in the page’s language, in its alphabetical order', () => {
    const es = countryOptions('es');
    expect(es.find((c) => c.code === 'PE')?.name).toBe('Perú');
    expect(countryOptions('en').find((c) => c.code === 'GB')?.name).toBe('United Kingdom');
    expect(es.length).toBeGreaterThan(240);
    expect(es.map((c) => c.code)).not.toContain('EU');
    // Retired codes Intl still names (East Germany as "Alemania") would list a country twice.
    expect(es.map((c) => c.code)).not.toContain('DD');
    expect(new Set(nameList(es)).size).toBe(es.length);
    const names = es.map((c) => c.name);
    expect([...names].sort((a, b) => a.localeCompare(b, 'es'))).toEqual(names);
  });
});

describe('signatureSource', () => {
  it.each([
    ['partner-newsletter', 'partner-newsletter'],
    [' amnesty.uk ', 'amnesty.uk'],
    ['', null],
    [null, null],
    ['<script>', null],
    ['x'.repeat(65), null],
  ])('%j → %j', (raw, source) => {
    expect(signatureSource(raw)).toBe(source);
  });
});
