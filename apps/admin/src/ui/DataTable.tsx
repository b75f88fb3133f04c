// The admin's one table: a caption for screen readers, column headers, the row's name as its row header, the
// empty, loading and failed states in words, and "Show more" for lists read page by page. Wider than the screen, it
// scrolls on its own; on a phone each row becomes a card, every value under its column's name, so that no column
// (a role, a status, the actions) is off screen.
import type { ReactNode } from 'react';

export interface Column<T> {
  /** The column's name, shown as its header and, on a phone, above each value. */
  header: string;
  cell: (row: T) => ReactNode;
  /** The column that names the row (a title, a person): it becomes the row header. One per table. */
  rowHeader?: boolean;
  /** Header text for screen readers only (an "Actions" column of buttons). */
  hiddenHeader?: boolean;
  className?: string;
}

export interface DataTableProps<T> {
  /** What the rows are, for screen readers: "Staff members", "Messages, newest first". */
  caption: string;
  columns: readonly (Column<T> | false | null | undefined)[];
  rows: readonly T[] | undefined;
  rowKey: (row: T) => string;
  /** Shown instead of the table while the first rows load. */
  loading?: boolean;
  loadingText?: string;
  /** The first load failed: this message, as an alert. */
  error?: string | null;
  /** Shown when there are no rows (after loading): what to do next, in words. */
  empty: ReactNode;
  className?: string;
  /** Lists read a page at a time: the button that loads the next (older) page (see moreOf). */
  more?: MoreRows;
}

export interface MoreRows {
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
  label: string;
  loadingLabel?: string;
}

/** The "more" button of a list read through an infinite query (TanStack Query's useInfiniteQuery). */
export function moreOf(
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> },
  label: string,
  loadingLabel?: string,
): MoreRows {
  return {
    hasMore: list.hasNextPage,
    loading: list.isFetchingNextPage,
    onMore: () => void list.fetchNextPage(),
    label,
    ...(loadingLabel === undefined ? {} : { loadingLabel }),
  };
}

export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  loading = false,
  loadingText = 'Loading…',
  error = null,
  empty,
  className,
  more,
}: DataTableProps<T>) {
  const shown = columns.filter((c): c is Column<T> => Boolean(c));
  if (error) return <p role="alert">{error}</p>;
  if (loading || rows === undefined) return <p role="status">{loadingText}</p>;
  if (rows.length === 0) return <div className="data-table-empty">{empty}</div>;
  return (
    <>
      <div className="table-wrap">
        <table className={['data-table', className].filter(Boolean).join(' ')}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {shown.map((c) => (
                <th key={c.header} scope="col" className={c.className}>
                  {c.hiddenHeader ? <span className="sr-only">{c.header}</span> : c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {shown.map((c) =>
                  c.rowHeader ? (
                    <th key={c.header} scope="row" className={c.className} data-label={c.header}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td
                      key={c.header}
                      className={c.className}
                      data-label={c.hiddenHeader ? undefined : c.header}
                    >
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more?.hasMore ? (
        <button type="button" className="secondary" disabled={more.loading} onClick={more.onMore}>
          {more.loading ? (more.loadingLabel ?? 'Loading…') : more.label}
        </button>
      ) : null}
    </>
  );
}
