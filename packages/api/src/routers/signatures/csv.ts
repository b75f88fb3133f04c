// Signatures as a CSV file for a spreadsheet (../../csv.ts: anyone can sign, so every cell is someone else's text).
import type { SignatureListItem } from '@ayni/domain';
import { spreadsheetCsv } from '../../csv.js';

const statusWords: Readonly<Record<SignatureListItem['status'], string>> = {
  pending: 'Waiting for confirmation',
  confirmed: 'Confirmed',
  held: 'Held',
  rejected: 'Rejected',
};

const columns = [
  'Name',
  'Email',
  'Country',
  'Postcode',
  'Status',
  'Signed at (UTC)',
  'Confirmed at (UTC)',
  'Source',
  'Updates consent',
  'Consent statement version',
] as const;

/** The CSV text; with `withCampaign` (an export of every campaign) a last column names each row's campaign. */
export function signaturesCsv(rows: readonly SignatureListItem[], withCampaign: boolean): string {
  return spreadsheetCsv(
    [...columns, ...(withCampaign ? ['Campaign'] : [])],
    rows.map((s) => [
      s.name,
      s.email,
      s.country,
      s.postcode ?? '',
      statusWords[s.status],
      s.createdAt.toISOString(),
      s.confirmedAt?.toISOString() ?? '',
      s.source ?? '',
      s.updatesConsent ? 'yes' : 'no',
      s.consentVersion,
      ...(withCampaign ? [s.campaignTitle] : []),
    ]),
  );
}
