// Shared by the rules tests only (excluded from the build): run a function that must throw a DomainError.
import { DomainError } from './shared/errors.js';

export function catchError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}
