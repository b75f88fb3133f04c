// `npm start`: install, build, migrate, seed demo content into an empty database, then run the public site
// (http://localhost:3000), the admin (http://localhost:3001) and the worker in production mode, with their
// logs in one readable stream. Ctrl-C stops all three.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { checkNode, install, pnpmCommand, root, runOrExit } from './lib.mjs';

checkNode();
const pnpm = pnpmCommand();
const [cmd, ...pre] = pnpm;
await install(pnpm);
await runOrExit(cmd, [
  ...pre,
  'exec',
  'turbo',
  'run',
  'build',
  '--filter=!@ayni/e2e',
  '--output-logs=errors-only',
]);
const env = { ...process.env, NODE_ENV: 'production' };
await runOrExit(process.execPath, ['packages/db/dist/cli/seed.js'], { env });

const apps = [
  { name: 'web', cwd: 'apps/web', args: ['server.js'] },
  { name: 'admin', cwd: 'apps/admin', args: ['dist/server/main.js'] },
  { name: 'worker', cwd: 'apps/worker', args: ['dist/main.js'] },
];
const colours = { web: 36, admin: 35, worker: 33 };
const levels = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** pino writes JSON lines; show them as "12:00:01 [admin] info  Admin ready on … {extra}". */
function pretty(name, line) {
  let text = line;
  try {
    const o = JSON.parse(line);
    const { level, time, msg, pid: _p, hostname: _h, name: _n, ...rest } = o;
    const extra = Object.keys(rest).length ? ' ' + JSON.stringify(rest) : '';
    const t = new Date(time ?? Date.now()).toTimeString().slice(0, 8);
    text = `${t} ${(levels[level] ?? level ?? 'info').padEnd(5)} ${msg}${extra}`;
  } catch {
    // not JSON: print as it is
  }
  return `\x1b[${colours[name]}m[${name}]\x1b[0m ${text}`;
}

const children = apps.map((app) => {
  const child = spawn(process.execPath, app.args, {
    cwd: path.join(root, app.cwd),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) console.log(pretty(app.name, line));
    });
  }
  child.on('exit', (code) => {
    console.log(pretty(app.name, `exited with code ${code}`));
    if (!stopping) stop(code ?? 1);
  });
  return child;
});

console.log(
  '\nAyni is starting: site http://localhost:3000  ·  admin http://localhost:3001  (Ctrl-C to stop)\n',
);

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 12_000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null))).then(
    () => process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
