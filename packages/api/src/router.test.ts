import { describe, expect, it } from 'vitest';
import { proceduresWithMeta } from './procedures.js';

describe('the API router', () => {
  it('declares who may call every procedure', () => {
    const all = proceduresWithMeta();
    expect(all.length).toBeGreaterThan(0);
    const undeclared = all.filter(([, meta]) => !meta || (meta.access === 'permission' && !meta.permission));
    expect(undeclared.map(([path]) => path)).toEqual([]);
  });

  it('keeps only first-run setup and invitation links public', () => {
    expect(
      proceduresWithMeta()
        .filter(([, m]) => m?.access === 'public')
        .map(([p]) => p)
        .sort(),
    ).toEqual(['invitations.accept', 'invitations.describe', 'setup.createOwner', 'setup.status']);
  });
});
