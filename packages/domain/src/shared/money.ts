// Fees are stored as integer minor units (pence, céntimos) with an ISO 4217 currency, formatted per language.
import { z } from 'zod';
import { localeFor, type Language } from './language.js';

export const currencySchema = z
  .string({ error: 'Currency is required' })
  .regex(/^[A-Z]{3}$/, { error: 'Currency must be a three-letter code in capitals, such as GBP or PEN' });

export type Currency = z.infer<typeof currencySchema>;

/** An amount in minor units: 2500 GBP in English → "£25.00"; in Spanish → "GBP 25.00". */
export function formatMoney(minor: number, currency: string, language: Language): string {
  const format = new Intl.NumberFormat(localeFor[language], { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}
