// Ids and secret tokens come from a port (implemented in packages/db) so rules stay deterministic in tests.

export interface IdGenerator {
  /** A new unique record id. */
  id(): string;
  /** A new unguessable token, e.g. for confirmation links. */
  token(): string;
}

/** A predictable IdGenerator for tests: "id-1", "id-2", … and "id-token-1", "id-token-2", … */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let ids = 0;
  let tokens = 0;
  return {
    id: () => `${prefix}-${++ids}`,
    token: () => `${prefix}-token-${++tokens}`,
  };
}
