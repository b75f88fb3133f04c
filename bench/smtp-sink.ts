// A local SMTP server in its own process (so it does not share the worker's CPU time in the benchmark): accepts
// everything, counts messages, and keeps the signature confirmation link each recipient was last sent. On stdin,
// one command a line: `?` → `received <count>`; `links <prefix> <file>` → writes the links' paths (JSON, one per
// recipient whose address starts with <prefix>) to <file> and answers `links <how many>`. Used through sink.ts.
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { SMTPServer } from 'smtp-server';

/** A confirmation link's path (the token is in the path), once quoted-printable soft line breaks are undone. */
const CONFIRM_PATH = /(?:\/es)?\/campaigns\/confirm\/[A-Za-z0-9_-]+/;

let received = 0;
const links = new Map<string, string>();
const server = new SMTPServer({
  authOptional: true,
  hideSTARTTLS: true,
  maxClients: 64,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      received++;
      const to = session.envelope.rcptTo[0]?.address;
      const link = Buffer.concat(chunks)
        .toString('latin1')
        .replace(/=\r?\n/g, '')
        .match(CONFIRM_PATH)?.[0];
      if (to && link) links.set(to, link);
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`port ${(server.server.address() as AddressInfo).port}\n`);
});
createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, prefix = '', file] = line.trim().split(' ');
  if (command === 'links' && file) {
    const paths = [...links].filter(([to]) => to.startsWith(prefix)).map(([, link]) => link);
    writeFileSync(file, JSON.stringify(paths));
    process.stdout.write(`links ${paths.length}\n`);
  } else {
    process.stdout.write(`received ${received}\n`);
  }
});
