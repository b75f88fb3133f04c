// docs/PERMISSIONS.md is generated from the domain's matrix; this fails while the two disagree. (It lives here,
// beside its generator, because it reads a file: the domain's own tests do no I/O.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { permissionsDocPath, permissionsDocument } from './permissions-doc.mjs';

describe('docs/PERMISSIONS.md', () => {
  it('is exactly what the matrix says (run `node tooling/scripts/permissions-doc.mjs` if this fails)', () => {
    expect(readFileSync(permissionsDocPath, 'utf8')).toBe(permissionsDocument());
  });
});
