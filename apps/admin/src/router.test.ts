import { describe, expect, it } from 'vitest';
import { matchPath } from './router.js';

describe('matchPath', () => {
  it('reads a parameter', () => {
    expect(matchPath('/articles/:id', '/articles/abc-123')).toEqual({ id: 'abc-123' });
    expect(matchPath('/articles/:id', '/articles/a%20b')).toEqual({ id: 'a b' });
  });

  it('needs every fixed part and every parameter', () => {
    expect(matchPath('/articles/:id', '/articles')).toBeNull();
    expect(matchPath('/articles/:id', '/articles/')).toBeNull();
    expect(matchPath('/articles/:id', '/articles/abc/edit')).toBeNull();
    expect(matchPath('/articles/:id', '/events/abc')).toBeNull();
    expect(matchPath('/articles/:id', '/articles/%E0%A4%A')).toBeNull();
  });

  it('matches a path without parameters exactly', () => {
    expect(matchPath('/articles', '/articles')).toEqual({});
    expect(matchPath('/articles', '/articles/x')).toBeNull();
  });
});
