// The layering rules fire: each package's own eslint.config.js lints a small in-memory file that breaks a rule
// (and one that does not), through ESLint's Node API, exactly as `pnpm lint` would lint it there.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { allowList, layerRules, messages } from './index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The messages ESLint gives `code` as if it were the file `file` of `pkg`, with that package's config. */
async function lint(pkg, file, code, overrideConfig) {
  const cwd = path.join(root, pkg);
  const eslint = new ESLint({ cwd, overrideConfig });
  const [result] = await eslint.lintText(code, { filePath: path.join(cwd, file) });
  return result.messages.map((m) => m.message);
}

const firing = (found, message) => found.filter((m) => m.endsWith(message));

const cases = [
  // The domain does no I/O.
  [
    'packages/domain',
    'src/shared/x.ts',
    "import { readFileSync } from 'node:fs';\nreadFileSync('x');",
    'domainIo',
  ],
  ['packages/domain', 'src/shared/x.ts', "import path from 'path';\npath.join('a');", 'domainIo'],
  ['packages/domain', 'src/shared/x.ts', "import { sql } from 'kysely';\nsql``;", 'domainIo'],
  ['packages/domain', 'src/shared/x.ts', "import pg from 'pg';\nnew pg.Pool();", 'domainIo'],
  [
    'packages/domain',
    'src/shared/x.ts',
    "import Sqlite from 'better-sqlite3';\nnew Sqlite('x');",
    'domainIo',
  ],
  ['packages/domain', 'src/shared/x.ts', "import { createDb } from '@ayni/db';\ncreateDb('x');", 'domainIo'],
  ['packages/domain', 'src/shared/x.ts', 'export const url = process.env.DATABASE_URL;', 'domainGlobal'],
  [
    'packages/domain',
    'src/shared/x.ts',
    "export const get = () => fetch('https://example.org');",
    'domainGlobal',
  ],
  [
    'packages/domain',
    'src/shared/x.test.ts',
    "import { readFileSync } from 'node:fs';\nreadFileSync('x');",
    'domainIo',
  ],
  // No package imports an app, by name or by path.
  ['packages/domain', 'src/shared/x.ts', "import { t } from '@ayni/web/app/i18n.js';\nt('en');", 'app'],
  ['packages/db', 'src/x.ts', "import { t } from '../../../apps/web/app/i18n.js';\nt('en');", 'app'],
  ['packages/jobs', 'src/x.ts', "import { main } from '@ayni/worker';\nmain();", 'app'],
  ['packages/api', 'src/x.ts', "import '@ayni/admin';", 'app'],
  ['apps/web', 'app/x.ts', "import '@ayni/admin/src/main.tsx';", 'app'],
  // Routers, routes, components and the admin's SPA build no SQL.
  ['packages/api', 'src/routers/x/router.ts', "import { sql } from 'kysely';\nsql``;", 'sql'],
  [
    'packages/api',
    'src/routers/x/router.ts',
    "import type { Kysely } from 'kysely';\nexport type K = Kysely<never>;",
    'sql',
  ],
  ['packages/api', 'src/routers/x/router.ts', "import { sql } from '@ayni/db';\nsql``;", 'sql'],
  [
    'packages/api',
    'src/routers/x/router.ts',
    "export const names = (db: { selectFrom(t: string): unknown }) => db.selectFrom('user');",
    'sql',
  ],
  ['apps/web', 'app/routes/x.tsx', "import { sql } from 'kysely';\nsql``;", 'sql'],
  [
    'apps/web',
    'app/components/x.tsx',
    "export const rows = (db: { insertInto(t: string): unknown }) => db.insertInto('articles');",
    'sql',
  ],
  ['apps/admin', 'src/x.tsx', "import { Kysely } from 'kysely';\nnew Kysely({} as never);", 'sql'],
];

describe('the layering rules', () => {
  it.each(cases)('%s %s refuses %j', async (pkg, file, code, rule) => {
    expect(firing(await lint(pkg, file, code), messages[rule])).toHaveLength(1);
  });

  // Not too wide: what each layer may do stays allowed.
  it.each([
    [
      'packages/domain',
      'src/shared/x.ts',
      "import { z } from 'zod';\nimport { slugify } from './slug.js';\nexport const s = [z, slugify];",
    ],
    [
      'packages/domain',
      'src/shared/x.ts',
      "import { eventSchema } from '../events/schema.js';\nexport const s = eventSchema;",
    ],
    [
      'packages/db',
      'src/x.ts',
      "import { sql } from 'kysely';\nimport { readFileSync } from 'node:fs';\nexport const s = [sql, readFileSync, process.env];",
    ],
    ['packages/api', 'src/x.ts', "import type { Kysely } from 'kysely';\nexport type K = Kysely<never>;"],
    [
      'apps/web',
      'app/news.server.ts',
      "import { listArticles } from '@ayni/db';\nexport const l = listArticles;",
    ],
  ])('%s %s allows %j', async (pkg, file, code) => {
    const found = await lint(pkg, file, code);
    expect(found.filter((m) => Object.values(messages).some((text) => m.endsWith(text)))).toEqual([]);
  });
});

// Each allow-listed file is exempt because it breaks the rule today; once it no longer does, it must leave the list.
const packageOf = { api: 'packages/api', web: 'apps/web', admin: 'apps/admin', domain: 'packages/domain' };
const exempt = Object.entries(allowList).flatMap(([layer, files]) => files.map((file) => [layer, file]));

it.each(exempt)(
  '%s: %s still breaks its rule (remove it from allowList once it does not)',
  async (layer, file) => {
    const rules = layer === 'domain' ? layerRules.domain : layerRules.sql;
    const wanted = layer === 'domain' ? [messages.domainIo, messages.domainGlobal] : [messages.sql];
    const code = await readFile(path.join(root, packageOf[layer], file), 'utf8');
    const found = await lint(packageOf[layer], file, code, { files: [file], rules });
    expect(found.filter((m) => wanted.some((text) => m.endsWith(text))).length).toBeGreaterThan(0);
  },
);
