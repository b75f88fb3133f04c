// Frozen. Topics get a Spanish name (Spanish pages show it; the English name stands in until one is given), and
// articles written before 0006 get the search text it introduced (the rendered body as plain text), so search
// finds them without each being saved again.
import type { Kysely } from 'kysely';
import { markdownToText } from '@ayni/domain/markdown';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('topics').addColumn('name_es', 'text').execute();

  const stale = await db
    .selectFrom('articles')
    .select(['id', 'body'])
    .where('search_text', '=', '')
    .where('body', '!=', '')
    .execute();
  for (const row of stale as { id: string; body: string }[]) {
    await db
      .updateTable('articles')
      .set({ search_text: markdownToText(row.body) })
      .where('id', '=', row.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('topics').dropColumn('name_es').execute();
}
