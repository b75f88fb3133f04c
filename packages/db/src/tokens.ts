// The tokens emailed links carry (an invitation, a reset, a signature's confirmation): 256 random bits, stored only
// as their SHA-256 hash, so a copy of the database or a log holds nothing that opens a link.
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
