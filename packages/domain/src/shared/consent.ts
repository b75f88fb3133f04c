// Proof of consent: what the person agreed to (statement and its version), when, and through which channel.
import { z } from 'zod';
import type { Clock } from './clock.js';
import { DomainError } from './errors.js';

export const consentSources = ['form', 'import', 'sync', 'admin'] as const;

export const consentSourceSchema = z.enum(consentSources);

export type ConsentSource = z.infer<typeof consentSourceSchema>;

export const consentRecordSchema = z.object({
  statement: z.string().min(1),
  version: z.string().min(1),
  givenAt: z.date(),
  source: consentSourceSchema,
});

export type ConsentRecord = z.infer<typeof consentRecordSchema>;

export function recordConsent(
  consent: { statement: string; version: string; source: ConsentSource },
  clock: Clock,
): ConsentRecord {
  if (consent.statement.trim() === '') {
    throw new DomainError('VALIDATION', 'The consent statement is missing', { field: 'consent' });
  }
  if (consent.version.trim() === '') {
    throw new DomainError('VALIDATION', 'The consent statement version is missing', { field: 'consent' });
  }
  return {
    statement: consent.statement,
    version: consent.version,
    givenAt: clock.now(),
    source: consent.source,
  };
}
