import { describe, expect, it } from 'vitest';
import { trustedOriginsFor } from './origins.js';

describe('trustedOriginsFor', () => {
  it('accepts every loopback spelling of the address in development', () => {
    expect(trustedOriginsFor('http://localhost:3001', false)).toEqual([
      'http://localhost:3001',
      'http://127.0.0.1:3001',
      'http://[::1]:3001',
    ]);
    expect(trustedOriginsFor('http://127.0.0.1:3001/', false)).toContain('http://localhost:3001');
  });

  it('accepts only the configured address in production or on a real host', () => {
    expect(trustedOriginsFor('http://localhost:3001', true)).toEqual(['http://localhost:3001']);
    expect(trustedOriginsFor('https://admin.example.org', false)).toEqual(['https://admin.example.org']);
  });
});
