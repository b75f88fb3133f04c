import { describe, expect, it } from 'vitest';
import { canonicalEmail, emailSchema } from './email.js';

describe('canonicalEmail', () => {
  it.each([
    [' Ana.Quispe+peru@GoogleMail.com ', 'anaquispe@gmail.com'],
    ['j.smith+x@example.org', 'j.smith@example.org'],
    ['ana.quispe@gmail.com', 'anaquispe@gmail.com'],
    ['A.N.A@GMAIL.COM', 'ana@gmail.com'],
    ['ana+a+b@gmail.com', 'ana@gmail.com'],
    ['Jose.Mamani@Example.PE', 'jose.mamani@example.pe'],
    ['jose.mamani@sub.gmail.com', 'jose.mamani@sub.gmail.com'],
    ['first.last+news@outlook.com', 'first.last@outlook.com'],
    ['plain@example.com', 'plain@example.com'],
    ['+onlytag@example.com', '@example.com'],
    ['  MIXED@Case.Org\t', 'mixed@case.org'],
    ['not-an-email', 'not-an-email'],
  ])('%j → %j', (email, expected) => {
    expect(canonicalEmail(email)).toBe(expected);
  });
});

describe('emailSchema', () => {
  it('trims but otherwise keeps the address as typed', () => {
    expect(emailSchema.parse('  Ana.Quispe@Example.org ')).toBe('Ana.Quispe@Example.org');
  });

  it.each([
    [undefined, 'Email address is required'],
    ['', 'Email address is required'],
    ['   ', 'Email address is required'],
    ['ana@', 'Enter an email address in the format name@example.com'],
    ['ana example.org', 'Enter an email address in the format name@example.com'],
    [`${'a'.repeat(250)}@x.org`, 'Email address must be 254 characters or fewer'],
  ])('%j → %j', (input, message) => {
    expect(emailSchema.safeParse(input).error?.issues[0]?.message).toBe(message);
  });
});
