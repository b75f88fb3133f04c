// turbo runs tasks in strict env mode: a variable turbo.json does not declare never reaches the app, so
// `turbo run start` (or `dev`) would silently start on defaults (no SMTP_URL: email to data/outbox). Every
// variable the apps' configuration reads must be declared for `start` and for `dev` (or globally).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './lib.mjs';

// Where configuration is read (CONVENTIONS: each package's env.ts, composed by the apps; the site's app/env.server.ts).
const configFiles = [
  'packages/db/src/env.ts',
  'packages/auth/src/env.ts',
  'apps/web/app/env.server.ts',
  'apps/admin/server/env.ts',
  'apps/worker/src/env.ts',
  'packages/db/src/cli/seed.ts',
];

function variablesIn(file) {
  const text = readFileSync(path.join(root, file), 'utf8');
  const keys = [
    ...text.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm),
    ...text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)\b/g),
  ];
  return keys.map((m) => m[1]);
}

describe('turbo.json', () => {
  const turbo = JSON.parse(readFileSync(path.join(root, 'turbo.json'), 'utf8'));
  const cases = ['start', 'dev'].flatMap((task) => configFiles.map((file) => [task, file]));

  it.each(cases)('declares for `%s` every variable %s reads', (task, file) => {
    const declared = new Set([...turbo.globalEnv, ...(turbo.tasks[task].env ?? [])]);
    const found = variablesIn(file);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((name) => !declared.has(name))).toEqual([]);
  });
});
