// `npm test` needs a Chromium for the end-to-end tests. On a newcomer's machine there may be none: try the ways
// that can work without asking (Playwright's download where the internet is reachable, Debian's package as root),
// each bounded in time, and otherwise say in one line what to run.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';
import { root } from './lib.mjs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const PLAYWRIGHT_TIMEOUT_MS = 30_000;
export const advice =
  'Chromium not found: run `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium, then `npm test` again.';

/** Runs a command; resolves { code, stdout }, with code null when it was stopped after `timeoutMs`. */
export function runCommand(cmd, args, { timeoutMs, cwd = root } = {}) {
  return new Promise((resolve) => {
    let stdout = '';
    // Its own process group, so that the time limit stops what it started too (pnpm exec → playwright → download).
    const child = spawn(cmd, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: Boolean(timeoutMs),
    });
    const stop = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = timeoutMs ? setTimeout(stop, timeoutMs) : null;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('error', () => resolve({ code: 1, stdout }));
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code: signal ? null : code, stdout });
    });
  });
}

/**
 * The path of a Chromium to run the e2e tests in, or null (after printing `advice`). `system` holds what this
 * touches of the machine, so the order of the attempts can be tested without one.
 */
export async function findChromium(pnpm, system = realSystem()) {
  const { env, exists, run, isRoot, isDebian, log } = system;
  const present = [env.CHROMIUM_PATH, DEBIAN_CHROMIUM, '/usr/bin/chromium-browser'].find(
    (p) => p && exists(p),
  );
  if (present) return present;

  const [cmd, ...pre] = pnpm;
  const e2e = [...pre, '--filter', '@ayni/e2e', 'exec'];
  log('No Chromium found: trying `playwright install chromium` (at most 30 s)…');
  const installed = await run(cmd, [...e2e, 'playwright', 'install', 'chromium'], {
    timeoutMs: PLAYWRIGHT_TIMEOUT_MS,
  });
  if (installed.code === 0) {
    const where = await run(cmd, [
      ...e2e,
      'node',
      '-e',
      "import('@playwright/test').then((m) => console.log(m.chromium.executablePath()))",
    ]);
    const found = where.stdout.trim().split('\n').pop();
    if (where.code === 0 && found && exists(found)) return found;
  }

  if (isRoot() && isDebian()) {
    log('Installing Debian’s Chromium (apt-get install -y chromium)…');
    if ((await run('apt-get', ['install', '-y', 'chromium'])).code !== 0) {
      // A fresh machine may have no package lists yet.
      if ((await run('apt-get', ['update'])).code === 0) await run('apt-get', ['install', '-y', 'chromium']);
    }
    if (exists(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }

  log(advice);
  return null;
}

function realSystem() {
  return {
    env: process.env,
    exists: existsSync,
    run: runCommand,
    isRoot: () => process.getuid?.() === 0,
    isDebian: () => existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get'),
    log: (line) => console.error(line),
  };
}
