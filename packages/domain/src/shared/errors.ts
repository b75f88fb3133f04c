// One typed error for every broken rule, so the API and the site can each map codes to responses in one place.

export const domainErrorCodes = [
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'VALIDATION',
  'FORBIDDEN',
  'STALE_VERSION',
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** The input field the message belongs to, when there is one (for showing it next to that field). */
  declare readonly field?: string;

  constructor(code: DomainErrorCode, message: string, options?: { field?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    if (options?.field !== undefined) this.field = options.field;
  }
}

/**
 * True for a DomainError, including one thrown by another copy of this package
 * (bundlers and pnpm can load two), which `instanceof` alone would miss.
 */
export function isDomainError(e: unknown): e is DomainError {
  if (e instanceof DomainError) return true;
  if (typeof e !== 'object' || e === null) return false;
  const candidate = e as { name?: unknown; code?: unknown };
  return (
    candidate.name === 'DomainError' &&
    typeof candidate.code === 'string' &&
    (domainErrorCodes as readonly string[]).includes(candidate.code)
  );
}
