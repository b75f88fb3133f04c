import { describe, expect, it } from 'vitest';
import { ownerSetupSchema, staffRoleSchema } from './schema.js';

describe('ownerSetupSchema', () => {
  it('trims the name and lower-cases the email', () => {
    expect(
      ownerSetupSchema.parse({
        name: '  Rosa Apaza ',
        email: ' Rosa@Example.ORG ',
        password: 'a long passphrase',
      }),
    ).toEqual({ name: 'Rosa Apaza', email: 'rosa@example.org', password: 'a long passphrase' });
  });

  it.each([
    [{ name: '', email: 'a@b.org', password: 'x'.repeat(12) }, 'name', 'Name is required'],
    [
      { name: 'A', email: 'not-an-email', password: 'x'.repeat(12) },
      'email',
      'Email must be a valid email address',
    ],
    [
      { name: 'A', email: 'a@b.org', password: 'short' },
      'password',
      'Password must be at least 12 characters',
    ],
  ])('names the field and the problem: %o', (input, field, message) => {
    const result = ownerSetupSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([[field, message]]);
  });
});

describe('staffRoleSchema', () => {
  it('accepts the six roles and refuses others with the list', () => {
    expect(staffRoleSchema.parse('membership')).toBe('membership');
    expect(staffRoleSchema.safeParse('superuser').error?.issues[0]?.message).toBe(
      'Role must be one of: owner, admin, editor, campaigner, membership, viewer',
    );
  });
});
