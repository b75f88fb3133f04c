import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { assertVersion } from './version.js';

describe('assertVersion', () => {
  it('passes when the versions match', () => {
    expect(assertVersion({ version: 4 }, 4, 'article')).toBeUndefined();
  });

  it('refuses a stale copy, naming what was changed', () => {
    let error: unknown;
    try {
      assertVersion({ version: 5 }, 4, 'article');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect([(error as DomainError).code, (error as DomainError).message]).toEqual([
      'STALE_VERSION',
      'This article was changed by someone else since you opened it. Reload to see their changes.',
    ]);
  });
});
