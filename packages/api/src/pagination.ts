// Keyset pagination for the admin's long lists (articles, messages, the audit log): newest first, a page at a
// time, the next page starting after the last row's time and id — stable while rows are added meanwhile.
import { z } from 'zod';

/** Where the next page starts: after this row. Opaque to the admin (it sends back what it was given). */
export const pageCursorSchema = z.object({ at: z.date(), id: z.string().min(1) });
export type PageCursor = z.infer<typeof pageCursorSchema>;

/**
 * The output of a paged list: its rows under `key` (`articles`, `entries`, `messages`) and where the next page
 * starts, or null on the last page.
 */
export function pageOf<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z.object({
    ...({ [key]: z.array(item) } as { [P in K]: z.ZodArray<T> }),
    nextCursor: pageCursorSchema.nullable(),
  });
}

/** The input every paged list takes beside its own filters. */
export function pageInput(defaultLimit: number) {
  return {
    cursor: pageCursorSchema.optional(),
    limit: z.number().int().min(1).max(100).default(defaultLimit),
  };
}

/** The cursor as the db list functions read it: the row to start after. */
export function startAfter(cursor: PageCursor | undefined): { at: Date; id: string } | undefined {
  return cursor ? { at: cursor.at, id: cursor.id } : undefined;
}

/** The same, for the lists the db orders by creation time (articles, messages). */
export function createdBefore(cursor: PageCursor | undefined): { createdAt: Date; id: string } | undefined {
  return cursor ? { createdAt: cursor.at, id: cursor.id } : undefined;
}

/**
 * One page from rows fetched with `limit + 1` (the extra row says whether there is another page), and the cursor
 * for it: after the page's last row, by `at(row)`.
 */
export function keysetPage<T extends { id: string }>(
  rows: readonly T[],
  limit: number,
  at: (row: T) => Date,
): { page: T[]; nextCursor: PageCursor | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    page,
    nextCursor: rows.length > limit && last ? { at: at(last), id: last.id } : null,
  };
}

/**
 * Every row a keyset-paged query gives, read `batch` at a time (an export: many rows leave in one file without one
 * huge query). `page(last)` reads the rows after `last` (the first page when undefined).
 */
export async function readAllPages<T>(
  page: (last: T | undefined) => Promise<T[]>,
  batch: number,
): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const next = await page(rows.at(-1));
    rows.push(...next);
    if (next.length < batch) return rows;
  }
}
