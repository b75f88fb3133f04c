// The IdGenerator port's implementation: random UUIDs for ids, 32 random bytes (base64url) for tokens.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IdGenerator } from '@ayni/domain';

export const randomIds: IdGenerator = {
  id: () => randomUUID(),
  token: () => randomBytes(32).toString('base64url'),
};
