// The apps' own keyed hashes and encryption, under SECRETS_KEY (docs/decisions/0009). Each purpose gets its own key,
// derived with HKDF, so a value hashed or sealed for one purpose means nothing for another.
// keyedHash: HMAC-SHA256, for values kept only to be recognised again (a signer's address, an unsubscribe link).
// encrypt/decrypt: AES-256-GCM with a random 96-bit IV and the purpose as associated data, for values the product
// must read back (a partner system's credentials); any change to a sealed value makes decrypt throw.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface Secrets {
  /** 64 hex characters; the same for the same value and purpose. */
  keyedHash(value: string, purpose: string): string;
  /** "v1.<iv>.<ciphertext>.<tag>" (base64url); a fresh IV every time. */
  encrypt(plaintext: string, purpose: string): string;
  /** Throws when the value was changed, or sealed with another key or purpose. */
  decrypt(sealed: string, purpose: string): string;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function createSecrets(secretsKey: string): Secrets {
  const keys = new Map<string, Buffer>();
  const keyFor = (use: 'hash' | 'encrypt', purpose: string): Buffer => {
    if (!purpose) throw new Error('A purpose is required');
    const name = `${use}:${purpose}`;
    let key = keys.get(name);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', secretsKey, 'ayni', `ayni:${name}`, 32));
      keys.set(name, key);
    }
    return key;
  };
  const refused = () =>
    new Error('Cannot decrypt: the value was changed, or sealed with another key or purpose');

  return {
    keyedHash(value, purpose) {
      return createHmac('sha256', keyFor('hash', purpose)).update(value, 'utf8').digest('hex');
    },
    encrypt(plaintext, purpose) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keyFor('encrypt', purpose), iv);
      cipher.setAAD(Buffer.from(purpose, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv, ciphertext, cipher.getAuthTag()]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    decrypt(sealed, purpose) {
      const key = keyFor('encrypt', purpose);
      const [version, iv, ciphertext, tag, ...rest] = sealed.split('.');
      if (
        version !== VERSION ||
        iv === undefined ||
        ciphertext === undefined ||
        tag === undefined ||
        rest.length
      )
        throw refused();
      const ivBytes = Buffer.from(iv, 'base64url');
      const tagBytes = Buffer.from(tag, 'base64url');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw refused();
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(purpose, 'utf8'));
        decipher.setAuthTag(tagBytes);
        return Buffer.concat([
          decipher.update(Buffer.from(ciphertext, 'base64url')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw refused();
      }
    },
  };
}
