// Writes docs/PERMISSIONS.md from the permission matrix in @ayni/domain (run after changing the matrix;
// a domain test fails while the document and the data disagree).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { permissionMatrixMarkdown } from '../../packages/domain/dist/index.js';
import { root } from './lib.mjs';

const text = `# Permissions

Generated from \`packages/domain/src/staff/permissions.ts\` by \`node tooling/scripts/permissions-doc.mjs\`.
The API checks these on every procedure; the admin hides what a role cannot use.

${permissionMatrixMarkdown()}
Beyond the matrix: only an owner can make, change or suspend an owner, and the last active owner cannot be
demoted or suspended. Nobody can suspend their own account.
`;
writeFileSync(path.join(root, 'docs/PERMISSIONS.md'), text);
console.log('Wrote docs/PERMISSIONS.md');
