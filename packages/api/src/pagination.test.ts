import { describe, expect, it } from 'vitest';
import { keysetPage, startAfter } from './pagination.js';

const rows = [3, 2, 1].map((n) => ({ id: `m${n}`, createdAt: new Date(Date.UTC(2026, 10, n)) }));

describe('keysetPage', () => {
  it('gives a full page and the cursor after its last row when there is more', () => {
    const { page, nextCursor } = keysetPage(rows, 2, (r) => r.createdAt);
    expect(page.map((r) => r.id)).toEqual(['m3', 'm2']);
    expect(nextCursor).toEqual({ at: new Date('2026-11-02T00:00:00.000Z'), id: 'm2' });
    expect(startAfter(nextCursor!)).toEqual({ at: new Date('2026-11-02T00:00:00.000Z'), id: 'm2' });
  });

  it('has no next page when the extra row did not come', () => {
    expect(keysetPage(rows, 3, (r) => r.createdAt).nextCursor).toBeNull();
    expect(keysetPage([], 3, (r: { id: string; createdAt: Date }) => r.createdAt)).toEqual({
      page: [],
      nextCursor: null,
    });
  });
});
