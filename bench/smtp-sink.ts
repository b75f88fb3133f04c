// A local SMTP server in its own process (so it does not share the worker's CPU time in the benchmark): accepts
// everything, counts messages, and keeps the signature confirmation link and the event registration cancel link
// each recipient was last sent, and the texts of those with a cancel link. On stdin, one command a line: `?` →
// `received <count>`; `links <prefix> <file>` → writes the confirmation links' paths (JSON, one per recipient whose
// address starts with <prefix>) to <file> and answers `links <how many>`; `cancel-links <prefix> <file>` → the same
// for the cancel links, as an object by recipient; `count <file> <text…>` → writes, by recipient, how many of those
// messages they were sent whose text contains <text…> (it may hold spaces). Used through processes.ts.
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { SMTPServer } from 'smtp-server';

/** A confirmation link's path (the token is in the path), once quoted-printable soft line breaks are undone. */
const CONFIRM_PATH = /(?:\/es)?\/campaigns\/confirm\/[A-Za-z0-9_-]+/;
/** An event registration's cancel link's path. */
const CANCEL_PATH = /(?:\/es)?\/events\/cancel\/[A-Za-z0-9_-]+/;

let received = 0;
const links = new Map<string, string>();
const cancelLinks = new Map<string, string>();
/** Each recipient's messages with a cancel link, as text (quoted-printable soft line breaks undone). */
const texts = new Map<string, string[]>();
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
      const text = Buffer.concat(chunks)
        .toString('latin1')
        .replace(/=\r?\n/g, '');
      const link = text.match(CONFIRM_PATH)?.[0];
      const cancel = text.match(CANCEL_PATH)?.[0];
      if (to && link) links.set(to, link);
      if (to && cancel) cancelLinks.set(to, cancel);
      // Only event registration emails' texts are kept (the signing benchmark's 10,000 are not needed).
      if (to && cancel) texts.set(to, [...(texts.get(to) ?? []), text]);
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`port ${(server.server.address() as AddressInfo).port}\n`);
});
createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, prefix = '', file, ...rest] = line.trim().split(' ');
  if (command === 'links' && file) {
    const paths = [...links].filter(([to]) => to.startsWith(prefix)).map(([, link]) => link);
    writeFileSync(file, JSON.stringify(paths));
    process.stdout.write(`links ${paths.length}\n`);
  } else if (command === 'cancel-links' && file) {
    const byRecipient = [...cancelLinks].filter(([to]) => to.startsWith(prefix));
    writeFileSync(file, JSON.stringify(Object.fromEntries(byRecipient)));
    process.stdout.write(`cancel-links ${byRecipient.length}\n`);
  } else if (command === 'count' && file !== undefined) {
    // `count <file> <text…>`: here `prefix` is the file and the text starts at `file`.
    const wanted = [file, ...rest].join(' ');
    const counts = [...texts]
      .map(([to, sent]) => [to, sent.filter((t) => t.includes(wanted)).length] as const)
      .filter(([, n]) => n > 0);
    writeFileSync(prefix, JSON.stringify(Object.fromEntries(counts)));
    process.stdout.write(`count ${counts.length}\n`);
  } else {
    process.stdout.write(`received ${received}\n`);
  }
});
