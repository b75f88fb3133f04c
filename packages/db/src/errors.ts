// Database errors the repositories turn into domain errors, recognised by the driver's error code on each dialect
// (never by the wording of the message, which differs between versions and dialects).
import { DomainError } from '@ayni/domain';

/** better-sqlite3's extended result codes for a UNIQUE index or a PRIMARY KEY refusing a duplicate. */
const SQLITE_UNIQUE_CODES: ReadonlySet<unknown> = new Set([
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
]);
/** PostgreSQL's SQLSTATE unique_violation (pg puts it on `code`). */
const POSTGRES_UNIQUE_VIOLATION = '23505';

/** True when `error` (or an error it wraps as its cause) is a unique or primary-key violation on either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === POSTGRES_UNIQUE_VIOLATION || SQLITE_UNIQUE_CODES.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Runs `write`; a unique violation becomes DomainError('CONFLICT', message, { field }), anything else is rethrown. */
export async function conflictOnDuplicate<T>(
  write: () => Promise<T>,
  conflict: { message: string; field: string },
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('CONFLICT', conflict.message, { field: conflict.field, cause: error });
    }
    throw error;
  }
}
