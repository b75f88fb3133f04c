// An event's registrations as a CSV file for a spreadsheet (../../csv.ts: every cell is someone else's text). The
// access needs (health data) are a last column only when the export asked for them (and the role may read them).
import type { RegistrationListItem } from '@ayni/domain';
import { spreadsheetCsv } from '../../csv.js';

const statusWords: Readonly<Record<RegistrationListItem['status'], string>> = {
  pending: 'Waiting for confirmation',
  confirmed: 'Confirmed',
  waitlisted: 'Waitlist',
  cancelled: 'Cancelled',
};

const columns = [
  'Name',
  'Email',
  'Status',
  'Waitlist position',
  'Registered at (UTC)',
  'Email confirmed at (UTC)',
  'Checked in at (UTC)',
  'Language',
] as const;

export function registrationsCsv(rows: readonly RegistrationListItem[], withAccessNeeds: boolean): string {
  return spreadsheetCsv(
    [...columns, ...(withAccessNeeds ? ['Access needs'] : [])],
    rows.map((r) => [
      r.name,
      r.email,
      statusWords[r.status],
      r.position === null ? '' : String(r.position),
      r.createdAt.toISOString(),
      r.emailConfirmedAt?.toISOString() ?? '',
      r.checkedInAt?.toISOString() ?? '',
      r.language,
      ...(withAccessNeeds ? [r.accessNeeds ?? ''] : []),
    ]),
  );
}
