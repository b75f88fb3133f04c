// The admin's "name or email" search over people (signers, registrants): part of either, any case, the text's own
// wildcards (% and _) taken literally.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';

/** `%text%` for `like … escape '\'`, lower-cased, with the text's own wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Rows of the table aliased `alias` whose name or email contains `text`. */
export function nameOrEmailContains(alias: string, text: string) {
  const pattern = containsPattern(text.trim());
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one condition for every table of people
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> =>
    eb.or([
      eb(sql<string>`lower(${sql.ref(`${alias}.name`)})`, 'like', sql<string>`${pattern} escape '\\'`),
      eb(sql<string>`lower(${sql.ref(`${alias}.email`)})`, 'like', sql<string>`${pattern} escape '\\'`),
    ]);
}
