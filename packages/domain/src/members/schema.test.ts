import { describe, expect, it } from 'vitest';
import { memberInputSchema, membershipTypeSchema } from './schema.js';

describe('memberInputSchema', () => {
  it('defaults the language to English', () => {
    expect(
      memberInputSchema.parse({ name: ' Ana ', email: 'ana@example.org', membershipTypeId: 't1' }),
    ).toEqual({
      name: 'Ana',
      email: 'ana@example.org',
      language: 'en',
      membershipTypeId: 't1',
    });
  });

  it.each([
    [{ email: 'a@b.org', membershipTypeId: 't' }, 'name', 'Name is required'],
    [
      { name: 'A', email: 'nope', membershipTypeId: 't' },
      'email',
      'Enter an email address in the format name@example.com',
    ],
    [{ name: 'A', email: 'a@b.org' }, 'membershipTypeId', 'Membership type is required'],
    [
      { name: 'A', email: 'a@b.org', membershipTypeId: ' ' },
      'membershipTypeId',
      'Membership type is required',
    ],
    [
      { name: 'A', email: 'a@b.org', membershipTypeId: 't', language: 'qu' },
      'language',
      'Language must be English (en) or Spanish (es)',
    ],
  ])('%# reports %s: %s', (input, field, message) => {
    const issue = memberInputSchema.safeParse(input).error?.issues[0];
    expect(issue?.path).toEqual([field]);
    expect(issue?.message).toBe(message);
  });
});

describe('membershipTypeSchema', () => {
  const type = {
    id: 't1',
    slug: 'individual',
    name: 'Individual',
    annualFee: 2500,
    currency: 'GBP',
    active: true,
  };

  it('accepts a membership type', () => {
    expect(membershipTypeSchema.parse(type)).toEqual(type);
  });

  it.each([
    [{ ...type, annualFee: -1 }, 'Annual fee cannot be negative'],
    [{ ...type, annualFee: 25.5 }, 'Annual fee must be a whole number of pence or céntimos'],
    [{ ...type, currency: 'gbp' }, 'Currency must be a three-letter code in capitals, such as GBP or PEN'],
  ])('%# → %s', (input, message) => {
    expect(membershipTypeSchema.safeParse(input).error?.issues[0]?.message).toBe(message);
  });
});
