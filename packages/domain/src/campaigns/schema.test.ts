import { describe, expect, it } from 'vitest';
import { campaignInputSchema, CONSENT_REQUIRED_MESSAGE, signatureInputSchema } from './schema.js';

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
    ).toEqual({ name: 'Ana', email: 'ana@example.pe', country: 'GB', postcode: 'SW1A 1AA', consent: true });
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
    [{ ...valid, name: '' }, 'name', 'Name is required'],
    [{ ...valid, name: 'x'.repeat(121) }, 'name', 'Name must be 120 characters or fewer'],
    [{ ...valid, email: 'ana@' }, 'email', 'Enter an email address in the format name@example.com'],
    [{ ...valid, country: 'Peru' }, 'country', 'Country must be a two-letter country code such as GB or PE'],
    [{ ...valid, country: 'XX' }, 'country', 'Country must be a two-letter country code such as GB or PE'],
    [{ ...valid, country: 'EU' }, 'country', 'Country must be a two-letter country code such as GB or PE'],
    [{ ...valid, postcode: 'x'.repeat(17) }, 'postcode', 'Postcode must be 16 characters or fewer'],
  ])('%# reports %s: %s', (input, field, message) => {
    const issue = signatureInputSchema.safeParse(input).error?.issues[0];
    expect(issue?.path).toEqual([field]);
    expect(issue?.message).toBe(message);
  });
});

describe('campaignInputSchema', () => {
  it('fills defaults and parses petition dates', () => {
    expect(
      campaignInputSchema.parse({
        language: 'es',
        title: 'Justicia para Puno',
        petition: {
          text: 'Pedimos…',
          target: 'Fiscalía',
          signatureGoal: 500,
          deadline: '2026-06-30T23:00:00Z',
        },
        milestones: [{ title: 'Entrega de firmas' }],
      }),
    ).toEqual({
      language: 'es',
      title: 'Justicia para Puno',
      summary: '',
      body: '',
      petition: {
        text: 'Pedimos…',
        target: 'Fiscalía',
        signatureGoal: 500,
        deadline: new Date('2026-06-30T23:00:00Z'),
      },
      milestones: [{ title: 'Entrega de firmas', description: '', date: null, reached: false }],
    });
  });

  it.each([
    [{ text: '', target: 'x', signatureGoal: 1 }, ['petition', 'text'], 'Petition text is required'],
    [{ text: 'x', target: '', signatureGoal: 1 }, ['petition', 'target'], 'Petition target is required'],
    [
      { text: 'x', target: 'y', signatureGoal: 0 },
      ['petition', 'signatureGoal'],
      'Signature goal must be at least 1',
    ],
    [
      { text: 'x', target: 'y', signatureGoal: 2.5 },
      ['petition', 'signatureGoal'],
      'Signature goal must be a whole number',
    ],
    [
      { text: 'x', target: 'y', signatureGoal: 1, deadline: 'soon' },
      ['petition', 'deadline'],
      'Deadline must be a valid date',
    ],
  ])('%# reports %j: %s', (petition, path, message) => {
    const issue = campaignInputSchema.safeParse({ language: 'en', title: 't', petition }).error?.issues[0];
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toBe(message);
  });
});
