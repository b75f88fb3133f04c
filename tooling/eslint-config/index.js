// One lint configuration for the whole repository; each package's eslint.config.js re-exports it: the default
// export, or the named one for its layer (domain, api, web, admin), which adds the rules that keep the layering of
// CONVENTIONS.md. Patterns in `files` are relative to the package that re-exports the config. layering.test.js
// proves each rule fires on a deliberate violation.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const base = tseslint.config(
  { ignores: ['**/dist/**', '**/build/**', '**/node_modules/**', '**/.react-router/**', '**/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Migrations are frozen and written against Kysely<any> by design (the schema of their day, not today's), and
    // so are the upgrade tests' data and harness (packages/db/src/testing/), which fill the schema before one.
    files: ['**/migrations/**', '**/migrate.ts', '**/src/testing/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);

// Messages are what a developer sees: each names the rule of CONVENTIONS.md it enforces.
export const messages = {
  app: 'Nothing imports an app: dependencies point apps → packages (CONVENTIONS.md).',
  domainIo:
    'The domain has no I/O (no Node built-ins, database drivers or other Ayni packages): declare a port and let packages/db or jobs implement it.',
  domainGlobal:
    'The domain has no I/O: take configuration and fetched data as arguments (env.ts files read process.env; jobs fetch).',
  sql: 'No SQL here: read through a packages/db query function and write through a domain use case.',
};

/** Importing an app, by name or by path, is refused everywhere. */
const appImports = [
  { group: ['@ayni/web', '@ayni/web/*', '@ayni/admin', '@ayni/admin/*', '@ayni/worker', '@ayni/worker/*'] },
  { regex: '(^|/)apps/' },
].map((pattern) => ({ ...pattern, message: messages.app }));

const restrictImports = (paths, patterns) => ['error', { paths, patterns: [...appImports, ...patterns] }];

/** The rules of each layer, exported so the test can check that every allow-listed file still breaks them. */
export const layerRules = {
  everywhere: { 'no-restricted-imports': restrictImports([], []) },
  domain: {
    // Regular expressions, not gitignore-style groups: a group 'events' would also match './events/schema.js'.
    'no-restricted-imports': restrictImports(
      [],
      [
        { regex: `^(node:|(${builtinModules.join('|')})(/|$))`, message: messages.domainIo },
        { regex: '^(kysely|pg|pg-boss|better-sqlite3|@ayni/[^/]+)(/|$)', message: messages.domainIo },
      ],
    ),
    'no-restricted-globals': [
      'error',
      { name: 'process', message: messages.domainGlobal },
      { name: 'fetch', message: messages.domainGlobal },
    ],
  },
  sql: {
    'no-restricted-imports': restrictImports(
      [{ name: '@ayni/db', importNames: ['sql', 'Kysely'], message: messages.sql }],
      [{ regex: '^kysely(/|$)', message: messages.sql }],
    ),
    // A query built on a handle passed in (ctx.handle.db.selectFrom(…)) needs no import: catch the builder calls.
    'no-restricted-syntax': [
      'error',
      {
        selector:
          'CallExpression[callee.property.name=/^(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto)$/]',
        message: messages.sql,
      },
    ],
  },
};

/**
 * Files that break their layer's rule today and are not ours to rewrite in this change. Each is exempt from that
 * rule only (the app-import rule still applies), and layering.test.js fails when one of them no longer breaks it,
 * so this list can only shrink. Paths are relative to the package.
 */
export const allowList = {
  api: [],
  web: [],
  admin: [],
  domain: [],
};

const layer = (files, rules, ignores = []) => ({ files, ignores, rules });

export default [...base, { rules: layerRules.everywhere }];

/** packages/domain: pure TypeScript, safe in a browser. */
export const domain = [
  ...base,
  { rules: layerRules.everywhere },
  layer(['**/*'], layerRules.domain, allowList.domain),
];

/** packages/api: routers compose procedures; they build no SQL. */
export const api = [
  ...base,
  { rules: layerRules.everywhere },
  layer(['src/routers/**'], layerRules.sql, allowList.api),
];

/** apps/web: route modules and components build no SQL (loaders call db query functions). */
export const web = [
  ...base,
  { rules: layerRules.everywhere },
  layer(['app/routes/**', 'app/components/**'], layerRules.sql, allowList.web),
];

/** apps/admin: the SPA builds no SQL (it goes through the API); its server is configured like any package. */
export const admin = [
  ...base,
  { rules: layerRules.everywhere },
  layer(['src/**'], layerRules.sql, allowList.admin),
];
