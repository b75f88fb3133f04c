// Every app and script must agree on one SQLite file whatever folder turbo starts it in, so paths are
// resolved from the repository root (the folder holding pnpm-workspace.yaml), never from process.cwd().
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(`Cannot find the repository root (pnpm-workspace.yaml) above ${start}`);
    dir = parent;
  }
}

export const repoRoot: string = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
export const dataDir: string = path.join(repoRoot, 'data');
export const defaultDatabaseFile: string = path.join(dataDir, 'ayni.db');
