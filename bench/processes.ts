// The processes a benchmark starts beside itself: a Node script that says when it is ready, and the local SMTP
// server (smtp-sink.ts) with its commands.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type Started = ChildProcess & { output: string; stop(): Promise<void> };

/** Starts `node <args>` in `cwd` and resolves once its output matches `ready`; stop() ends it and waits. */
export function startNode(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  ready: string | RegExp,
): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let isReady = false;
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.length > 100_000) out = out.slice(-50_000);
      if (!isReady && (typeof ready === 'string' ? out.includes(ready) : ready.test(out))) {
        isReady = true;
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        resolve(
          Object.assign(child, {
            output: out,
            stop: async () => {
              if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
              await exited;
            },
          }),
        );
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      if (!isReady) reject(new Error(`${args.join(' ')} exited ${code}:\n${out.slice(-2000)}`));
    });
  });
}

/**
 * The production build of the site (apps/web/server.js, TRUST_PROXY=loopback so each request's X-Forwarded-For is
 * its own address) on `port` and the worker (apps/worker), both of checkout `root` on `databaseUrl`, sending mail to
 * the SMTP server on `smtpPort`. `siteArgs`: Node flags for the site (a profile).
 */
export async function startSiteAndWorker(options: {
  root: string;
  databaseUrl: string;
  secretsKey: string;
  smtpPort: number;
  port: number;
  siteArgs?: string[];
}): Promise<{ web: Started; worker: Started; origin: string }> {
  const origin = `http://127.0.0.1:${options.port}`;
  const env = {
    DATABASE_URL: options.databaseUrl,
    NODE_ENV: 'production',
    SECRETS_KEY: options.secretsKey,
    AUTH_SECRET: 'bench-auth-secret-bench-auth-secret-bench',
    SMTP_URL: `smtp://127.0.0.1:${options.smtpPort}?pool=true&maxConnections=16`,
  };
  const web = await startNode(
    [...(options.siteArgs ?? []), 'server.js'],
    path.join(options.root, 'apps/web'),
    { ...env, PORT: String(options.port), TRUST_PROXY: 'loopback', SITE_URL: origin },
    'Site ready',
  );
  const worker = await startNode(
    ['dist/main.js'],
    path.join(options.root, 'apps/worker'),
    env,
    'Worker ready',
  );
  return { web, worker, origin };
}

export interface SmtpSink {
  port: number;
  /** How many messages it has received. */
  received(): Promise<number>;
  /** The confirmation links' paths last sent to each recipient whose address starts with `prefix`. */
  confirmationLinks(prefix: string, file: string): Promise<string[]>;
  /** The event registration cancel links' paths last sent to each recipient whose address starts with `prefix`. */
  cancelLinks(prefix: string, file: string): Promise<Record<string, string>>;
  /** How many messages each recipient was sent whose text contains `text` (recipients sent none left out). */
  countContaining(text: string, file: string): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/** The SMTP server in its own process (smtp-sink.ts). */
export async function startSmtpSink(): Promise<SmtpSink> {
  const child = await startNode(['--import', 'tsx', 'smtp-sink.ts'], import.meta.dirname, {}, /port \d+\n/);
  const port = Number(child.output.match(/port (\d+)/)![1]);
  let buffer = '';
  const waiters: ((line: string) => void)[] = [];
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    let i;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      if (!line.startsWith('port ')) waiters.shift()?.(line);
    }
  });
  const ask = (command: string) => {
    const reply = new Promise<string>((resolve) => waiters.push(resolve));
    child.stdin!.write(`${command}\n`);
    return reply;
  };
  return {
    port,
    received: async () => Number((await ask('?')).split(' ')[1]),
    async confirmationLinks(prefix, file) {
      await ask(`links ${prefix} ${path.resolve(file)}`);
      return JSON.parse(readFileSync(file, 'utf8')) as string[];
    },
    async cancelLinks(prefix, file) {
      await ask(`cancel-links ${prefix} ${path.resolve(file)}`);
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    },
    async countContaining(text, file) {
      await ask(`count ${path.resolve(file)} ${text}`);
      return JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
    },
    stop: () => child.stop(),
  };
}
