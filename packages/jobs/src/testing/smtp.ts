// For email tests: a real SMTP server in this process (smtp-server) that keeps what it receives, parsed
// (mailparser), with a mailer sending to it; and a logger that keeps every line, for tests that look for a secret in
// the logs.
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { simpleParser, type ParsedMail } from 'mailparser';
import pino, { type Logger } from 'pino';
import { SMTPServer } from 'smtp-server';
import { createMailer, type Mailer } from '../email/transport.js';

export interface TestSmtp {
  /** Every message the server has accepted, in order. */
  received: ParsedMail[];
  /** The messages to `address` (part of the To header). */
  mailTo(address: string): ParsedMail[];
  /** A mailer that sends to this server. */
  mailer: Mailer;
  close(): Promise<void>;
}

/** Starts the server on a free port; `refuse` makes it answer 550 for a recipient (a bounced address). */
export async function startTestSmtp(options: {
  logger: Logger;
  refuse?: (recipient: string) => boolean;
}): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address)) return callback(new Error('550 No such mailbox here'));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const mailer = createMailer({
    smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    outboxDir: '/nonexistent',
    logger: options.logger,
  });
  return {
    received,
    mailTo: (address) => received.filter((m) => JSON.stringify(m.to).includes(address)),
    mailer,
    async close() {
      mailer.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}

/** A logger at every level whose lines are kept: `text()` is all it has written. */
export function capturingLogger(): { logger: Logger; text(): string } {
  let lines = '';
  const logger = pino(
    { level: 'trace' },
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines += chunk.toString();
        callback();
      },
    }),
  );
  return { logger, text: () => lines };
}
