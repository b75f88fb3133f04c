import { describe, expect, it } from 'vitest';
import { DomainError, isDomainError } from './errors.js';

describe('DomainError', () => {
  it('carries a code, a message, a field and a cause', () => {
    const cause = new Error('underlying');
    const error = new DomainError('VALIDATION', 'Title is required', { field: 'title', cause });
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Title is required');
    expect(error.field).toBe('title');
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(Error);
  });

  it('has no field when none is given', () => {
    const error = new DomainError('NOT_FOUND', 'Article not found');
    expect(error.field).toBeUndefined();
    expect('field' in error).toBe(false);
  });
});

describe('isDomainError', () => {
  it.each([
    [new DomainError('CONFLICT', 'Already registered'), true],
    [Object.assign(new Error('copy from another bundle'), { name: 'DomainError', code: 'CONFLICT' }), true],
    [Object.assign(new Error('unknown code'), { name: 'DomainError', code: 'TEAPOT' }), false],
    [new Error('plain'), false],
    ['DomainError', false],
    [null, false],
    [undefined, false],
  ])('%# → %s', (value, expected) => {
    expect(isDomainError(value)).toBe(expected);
  });
});
