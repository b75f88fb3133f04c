// `npm test`: every test — lint, typecheck, unit and integration (on SQLite, or on PostgreSQL as well when
// TEST_POSTGRES_URL is set), then the end-to-end tests in Chromium against the production builds.
import { findChromium } from './chromium.mjs';
import { checkNode, install, pnpmCommand, run } from './lib.mjs';

checkNode();
const pnpm = pnpmCommand();
const [cmd, ...pre] = pnpm;
await install(pnpm);

const chromium = await findChromium(pnpm);

const turbo = (...tasks) => run(cmd, [...pre, 'exec', 'turbo', 'run', ...tasks, '--output-logs=new-only']);
let failed = (await run(cmd, [...pre, 'exec', 'prettier', '--check', '.', '--log-level', 'warn'])) !== 0;
failed = (await turbo('lint', 'typecheck', 'test')) !== 0 || failed;
if (chromium) {
  failed =
    (await run(cmd, [...pre, 'exec', 'turbo', 'run', 'test:e2e'], {
      env: { ...process.env, CHROMIUM_PATH: chromium },
    })) !== 0 || failed;
} else {
  failed = true;
}
console.log(failed ? '\n✖ Some checks failed.' : '\n✔ All checks passed.');
process.exit(failed ? 1 : 0);
