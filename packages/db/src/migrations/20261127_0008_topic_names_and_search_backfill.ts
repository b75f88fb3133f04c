// Frozen. Topics get a Spanish name (Spanish pages show it; the English name stands in until one is given), and
// articles written before 0006 get the search text it introduced (the rendered body as plain text), so search
// finds them without each being saved again. (The text comes from today's renderer: a later change to it affects
// only databases migrated after that change, and only rows that still had no search text.)
import type { Kysely } from 'kysely';
import { markdownToText } from '@ayni/domain/markdown';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('topics').addColumn('name_es', 'text').execute();

  // In batches by id, so a large table is never loaded at once.
  for (let after = ''; ; ) {
    const batch = (await db
      .selectFrom('articles')
      .select(['id', 'body'])
      .where('search_text', '=', '')
      .where('body', '!=', '')
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute()) as { id: string; body: string }[];
    for (const row of batch) {
      await db
        .updateTable('articles')
        .set({ search_text: markdownToText(row.body) })
        .where('id', '=', row.id)
        .execute();
    }
    if (batch.length < 500) break;
    after = batch.at(-1)!.id;
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('topics').dropColumn('name_es').execute();
}
