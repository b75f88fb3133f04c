// Helpers shared by `npm start` and `npm test`: find or fetch pnpm, install dependencies the way this machine
// needs (better-sqlite3 compiles against Node's own headers when its prebuilt binary cannot be downloaded).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PNPM_VERSION = '12.4.2';

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`Ayni needs Node.js 20.19 or later (this is ${process.version}).`);
    process.exit(1);
  }
}

/** The pnpm command to use: the installed one when it is the right major, else pnpm run through npx. */
export function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim().startsWith('12.')) return ['pnpm'];
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

export function installEnv() {
  const env = { ...process.env, JOBS: process.env.JOBS ?? 'max' };
  const header = '/usr/include/node/node_version.h';
  if (!env.npm_config_nodedir && existsSync(header)) {
    const text = readFileSync(header, 'utf8');
    const v = ['MAJOR', 'MINOR', 'PATCH']
      .map((k) => text.match(new RegExp(`NODE_${k}_VERSION (\\d+)`))?.[1])
      .join('.');
    if (v === process.versions.node) env.npm_config_nodedir = '/usr';
  }
  return env;
}

export function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function runOrExit(cmd, args, options = {}) {
  const code = await run(cmd, args, options);
  if (code !== 0) {
    console.error(`\n✖ ${[cmd, ...args].join(' ')} failed (exit ${code})`);
    process.exit(code);
  }
}

export async function install(pnpm) {
  const [cmd, ...pre] = pnpm;
  await runOrExit(cmd, [...pre, 'install', '--frozen-lockfile'], { env: installEnv() });
}
