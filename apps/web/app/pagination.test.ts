import { describe, expect, it } from 'vitest';
import { pageWindow } from './pagination.js';

describe('pageWindow', () => {
  it('shows every page of a short listing', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(1, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('shows the ends and two pages either side of the current one in a long listing', () => {
    expect(pageWindow(500, 1002)).toEqual([1, 'gap', 498, 499, 500, 501, 502, 'gap', 1002]);
    expect(pageWindow(1, 1002)).toEqual([1, 2, 3, 'gap', 1002]);
    expect(pageWindow(1002, 1002)).toEqual([1, 'gap', 1000, 1001, 1002]);
  });

  it('never hides a single page behind a gap', () => {
    expect(pageWindow(5, 20)).toEqual([1, 2, 3, 4, 5, 6, 7, 'gap', 20]);
    expect(pageWindow(4, 20)).toEqual([1, 2, 3, 4, 5, 6, 'gap', 20]);
  });
});
