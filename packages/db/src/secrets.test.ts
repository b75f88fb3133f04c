import { describe, expect, it } from 'vitest';
import { createSecrets } from './secrets.js';

const KEY = 'k'.repeat(16) + 'another-32-character-key';
const secrets = createSecrets(KEY);

describe('keyedHash', () => {
  it('gives the same hash for the same value and purpose, and another for another purpose or key', () => {
    const hash = secrets.keyedHash('ana@example.org', 'signer-email');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(secrets.keyedHash('ana@example.org', 'signer-email')).toBe(hash);
    expect(secrets.keyedHash('ana@example.org', 'unsubscribe')).not.toBe(hash);
    expect(secrets.keyedHash('ana@example.com', 'signer-email')).not.toBe(hash);
    expect(createSecrets('x'.repeat(40)).keyedHash('ana@example.org', 'signer-email')).not.toBe(hash);
  });

  it('refuses an empty purpose', () => {
    expect(() => secrets.keyedHash('x', '')).toThrow('A purpose is required');
  });
});

describe('encrypt and decrypt', () => {
  it('round-trips, with a fresh IV each time', () => {
    const a = secrets.encrypt('api key: s3cr3t ñ', 'member-sync');
    const b = secrets.encrypt('api key: s3cr3t ñ', 'member-sync');
    expect(a).not.toBe(b);
    expect(a).not.toContain('s3cr3t');
    expect(secrets.decrypt(a, 'member-sync')).toBe('api key: s3cr3t ñ');
    expect(secrets.decrypt(b, 'member-sync')).toBe('api key: s3cr3t ñ');
  });

  it('refuses a value changed anywhere: IV, ciphertext or tag', () => {
    const sealed = secrets.encrypt('credentials', 'member-sync');
    const parts = sealed.split('.');
    for (let i = 1; i < parts.length; i++) {
      const changed = [...parts];
      const p = changed[i]!;
      changed[i] = (p[0] === 'A' ? 'B' : 'A') + p.slice(1);
      expect(() => secrets.decrypt(changed.join('.'), 'member-sync')).toThrow(
        'Cannot decrypt: the value was changed, or sealed with another key or purpose',
      );
    }
    expect(() => secrets.decrypt('not a sealed value', 'member-sync')).toThrow('Cannot decrypt');
  });

  it('refuses another purpose or another key', () => {
    const sealed = secrets.encrypt('credentials', 'member-sync');
    expect(() => secrets.decrypt(sealed, 'campaigns')).toThrow('Cannot decrypt');
    expect(() => createSecrets('y'.repeat(40)).decrypt(sealed, 'member-sync')).toThrow('Cannot decrypt');
  });
});
