// server.js without a build: one line saying what to do, not a stack trace.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Inside apps/web so that server.js still finds its dependencies, but with no build/ beside it.
const dir = mkdtempSync(path.join(web, 'node_modules', '.server-start-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('server.js', () => {
  it('stops with one line when the build is missing', () => {
    copyFileSync(path.join(web, 'server.js'), path.join(dir, 'server.js'));
    const run = spawnSync(process.execPath, ['server.js'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('apps/web/build is missing: run pnpm build');
  });
});
