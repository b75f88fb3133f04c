// Which procedures anyone may call without signing in, and that every procedure declares its output. (That every procedure declares its access is not tested
// here: publicProcedure, signedInProcedure and permitted() are the only ways to make one, and each sets it; what
// each role may call is proven against a real session in permissions.int.test.ts.)
import { describe, expect, it } from 'vitest';
import { proceduresWithMeta, proceduresWithoutOutput } from './procedures.js';

describe('the API router', () => {
  it('keeps only first-run setup and invitation links public', () => {
    expect(
      proceduresWithMeta()
        .filter(([, m]) => m?.access === 'public')
        .map(([p]) => p)
        .sort(),
    ).toEqual(['invitations.accept', 'invitations.describe', 'setup.createOwner', 'setup.status']);
  });

  it('declares what every procedure returns', () => {
    expect(proceduresWithMeta().length).toBeGreaterThan(40);
    expect(proceduresWithoutOutput()).toEqual([]);
  });
});
