// The order in which `npm test` looks for a Chromium, on machines described by a fake `system` (what exists,
// what each command does, whether we are root on Debian); no browser is installed by this test.
import { describe, expect, it } from 'vitest';
import { advice, findChromium } from './chromium.mjs';

const PLAYWRIGHT_CHROME = '/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';

function machine({
  files = [],
  env = {},
  root = false,
  debian = false,
  playwright = 'fails',
  apt = 'fails',
} = {}) {
  const present = new Set(files);
  const ran = [];
  const lines = [];
  const system = {
    env,
    exists: (p) => present.has(p),
    isRoot: () => root,
    isDebian: () => debian,
    log: (line) => lines.push(line),
    run: async (cmd, args, options = {}) => {
      const line = [cmd, ...args].join(' ');
      ran.push(options.timeoutMs ? `${line} (${options.timeoutMs} ms)` : line);
      if (args.includes('install') && args.includes('chromium') && cmd !== 'apt-get') {
        if (playwright !== 'works') return { code: null, stdout: '' };
        present.add(PLAYWRIGHT_CHROME);
        return { code: 0, stdout: '' };
      }
      if (args.includes('node')) return { code: 0, stdout: `${PLAYWRIGHT_CHROME}\n` };
      if (cmd === 'apt-get' && args[0] === 'update') return { code: 0, stdout: '' };
      if (cmd === 'apt-get') {
        if (apt === 'works' || (apt === 'after update' && ran.includes('apt-get update'))) {
          present.add('/usr/bin/chromium');
          return { code: 0, stdout: '' };
        }
        return { code: 100, stdout: '' };
      }
      return { code: 1, stdout: '' };
    },
  };
  return { system, ran, lines };
}

const pnpm = ['pnpm'];
const playwrightInstall = 'pnpm --filter @ayni/e2e exec playwright install chromium (30000 ms)';

describe('findChromium', () => {
  it('uses CHROMIUM_PATH first, and runs nothing', async () => {
    const m = machine({ files: ['/opt/chrome', '/usr/bin/chromium'], env: { CHROMIUM_PATH: '/opt/chrome' } });
    expect(await findChromium(pnpm, m.system)).toBe('/opt/chrome');
    expect(m.ran).toEqual([]);
  });

  it("then Debian's /usr/bin/chromium", async () => {
    const m = machine({ files: ['/usr/bin/chromium'], env: { CHROMIUM_PATH: '/nowhere' } });
    expect(await findChromium(pnpm, m.system)).toBe('/usr/bin/chromium');
    expect(m.ran).toEqual([]);
  });

  it("then Playwright's download, limited to 30 s", async () => {
    const m = machine({ playwright: 'works', root: true, debian: true });
    expect(await findChromium(pnpm, m.system)).toBe(PLAYWRIGHT_CHROME);
    expect(m.ran[0]).toBe(playwrightInstall);
    expect(m.ran.some((line) => line.startsWith('apt-get'))).toBe(false);
  });

  it("then, as root on Debian, Debian's package (updating the package lists if it must)", async () => {
    const m = machine({ root: true, debian: true, apt: 'after update' });
    expect(await findChromium(pnpm, m.system)).toBe('/usr/bin/chromium');
    expect(m.ran).toEqual([
      playwrightInstall,
      'apt-get install -y chromium',
      'apt-get update',
      'apt-get install -y chromium',
    ]);
  });

  it('otherwise says in one line what to run', async () => {
    const m = machine({ root: false, debian: true });
    expect(await findChromium(pnpm, m.system)).toBeNull();
    expect(m.ran).toEqual([playwrightInstall]);
    expect(m.lines.at(-1)).toBe(advice);
    expect(advice).not.toContain('\n');
  });
});
