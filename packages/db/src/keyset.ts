// The keyset condition the admin's newest-first lists share (articles, signatures, campaigns): the rows after the
// last one of the previous page, by creation time and then id, so a page stays stable while rows are added.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { iso } from './mappers.js';

/** Rows created before `before`, or at the same moment with a smaller id; columns as the query names them. */
export function createdBefore(
  before: { createdAt: Date; id: string },
  columns: { createdAt: string; id: string } = { createdAt: 'created_at', id: 'id' },
) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one condition for every table's columns
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> =>
    eb.or([
      eb(columns.createdAt, '<', iso(before.createdAt)),
      eb.and([eb(columns.createdAt, '=', iso(before.createdAt)), eb(columns.id, '<', before.id)]),
    ]);
}
