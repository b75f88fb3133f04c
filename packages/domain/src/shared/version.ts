// Optimistic concurrency, in one place: an editor saves the copy they opened (its version); if someone saved in
// between, the save is refused with STALE_VERSION. The use case checks the version it read; the repository's
// conditional update (`where version = expected`) closes the race between that read and the write, and throws
// the same error.
import { DomainError } from './errors.js';

/** The error for a save made on an old copy; `what` names the thing in words ("article", "partner feed"). */
export function staleVersion(what: string): DomainError {
  return new DomainError(
    'STALE_VERSION',
    `This ${what} was changed by someone else since you opened it. Reload to see their changes.`,
  );
}

/** Refuses a save made on version `expected` when the stored copy is at another version. */
export function assertVersion(current: { version: number }, expected: number, what: string): void {
  if (current.version !== expected) throw staleVersion(what);
}

/**
 * The moment a write stamps when the version is an updatedAt (campaigns, events): now, but always after the copy
 * it replaces, so the version changes.
 */
export function nextUpdatedAt(previous: Date, now: Date): Date {
  return new Date(Math.max(now.getTime(), previous.getTime() + 1));
}
