// Writes docs/PERMISSIONS.md from the permission matrix in @ayni/domain (run after changing the matrix;
// permissions-doc.test.mjs fails while the document and the data disagree).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { permissionMatrixMarkdown } from '@ayni/domain';
import { root } from './lib.mjs';

export const permissionsDocPath = path.join(root, 'docs/PERMISSIONS.md');

/** The whole text of docs/PERMISSIONS.md as the matrix says it should be. */
export function permissionsDocument() {
  return `# Permissions

Generated from \`packages/domain/src/staff/permissions.ts\` by \`node tooling/scripts/permissions-doc.mjs\`.
The API checks these on every procedure; the admin hides what a role cannot use.

${permissionMatrixMarkdown()}
Beyond the matrix: only an owner can make, change or suspend an owner, and the last active owner cannot be
demoted or suspended. Nobody can suspend their own account.
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(permissionsDocPath, permissionsDocument());
  console.log('Wrote docs/PERMISSIONS.md');
}
