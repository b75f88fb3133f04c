import { describe, expect, it } from 'vitest';
import { currencySchema, formatMoney } from './money.js';

describe('formatMoney', () => {
  it.each([
    [2500, 'GBP', 'en', '£25.00'],
    [1050, 'GBP', 'en', '£10.50'],
    [0, 'GBP', 'en', '£0.00'],
    [2500, 'PEN', 'es', 'S/ 25.00'],
    [2500, 'GBP', 'es', 'GBP 25.00'],
    [2500, 'JPY', 'en', 'JP¥2,500'],
    [123456, 'USD', 'en', 'US$1,234.56'],
  ] as const)('%d %s in %s → %j', (minor, currency, language, expected) => {
    expect(formatMoney(minor, currency, language).replace(/\u00a0/g, ' ')).toBe(expected);
  });
});

describe('currencySchema', () => {
  it.each([
    ['GBP', true],
    ['PEN', true],
    ['gbp', false],
    ['GB', false],
    ['POUND', false],
  ])('%j valid=%s', (value, valid) => {
    expect(currencySchema.safeParse(value).success).toBe(valid);
  });

  it('explains the expected form', () => {
    expect(currencySchema.safeParse('gbp').error?.issues[0]?.message).toBe(
      'Currency must be a three-letter code in capitals, such as GBP or PEN',
    );
  });
});
