// The admin's CSV files for a spreadsheet (signatures, registrations). Every cell may be someone else's text:
// csv-stringify's `escape_formulas` puts a ' before a cell starting with = + - @, a tab or a carriage return, so a
// spreadsheet shows `=HYPERLINK(…)` as text instead of running it. The byte order mark makes Excel read accents as
// UTF-8; lines end with CRLF as spreadsheets expect.
import { stringify } from 'csv-stringify/sync';

export function spreadsheetCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify(
    rows.map((row) => [...row]),
    {
      header: true,
      columns: [...columns],
      bom: true,
      escape_formulas: true,
      record_delimiter: 'windows',
    },
  );
}
