// Signatures as a CSV file for a spreadsheet. Anyone can sign, so every cell is someone else's text: csv-stringify's
// `escape_formulas` puts a ' before a cell starting with = + - @, a tab or a carriage return, so a spreadsheet shows
// `=HYPERLINK(…)` as text instead of running it. The byte order mark makes Excel read the names' accents as UTF-8.
import type { SignatureListItem } from '@ayni/domain';
import { stringify } from 'csv-stringify/sync';

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
  return stringify(
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
    {
      header: true,
      columns: [...columns, ...(withCampaign ? ['Campaign'] : [])],
      bom: true,
      escape_formulas: true,
      record_delimiter: 'windows',
    },
  );
}
