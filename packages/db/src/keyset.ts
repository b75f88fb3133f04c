// The keyset condition the admin's lists share (articles, signatures, campaigns, events, registrations): the rows
// after the last one of the previous page, by a time and then id, so a page stays stable while rows are added.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { iso } from './mappers.js';

/** Rows created before `before`, or at the same moment with a smaller id; columns as the query names them. */
export function createdBefore(
  before: { createdAt: Date; id: string },
  columns: { createdAt: string; id: string } = { createdAt: 'created_at', id: 'id' },
) {
  return beyond({ at: before.createdAt, id: before.id }, { at: columns.createdAt, id: columns.id }, 'desc');
}

/**
 * The rows after `cursor` in a list ordered by (`columns.at`, `columns.id`) in `order`: for a list read in another
 * order than newest first (the registrations in arrival order, the upcoming events soonest first).
 */
export function beyond(
  cursor: { at: Date; id: string },
  columns: { at: string; id: string },
  order: 'asc' | 'desc',
) {
  const past = order === 'asc' ? '>' : '<';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one condition for every table's columns
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> =>
    eb.or([
      eb(columns.at, past, iso(cursor.at)),
      eb.and([eb(columns.at, '=', iso(cursor.at)), eb(columns.id, past, cursor.id)]),
    ]);
}
