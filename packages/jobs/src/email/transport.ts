// Sends mail with nodemailer: to a real server when SMTP_URL is set, otherwise into data/outbox/ as .eml files
// (the embedded default), so no mail is lost and a newcomer can open what was sent.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per message, so a receiving server can drop a duplicate after an unavoidable resend. */
  messageId: string;
  headers: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: string }[];
}

export interface Mailer {
  /** "smtp://host:port" or "outbox: /path"; for logs. */
  readonly description: string;
  send(mail: OutgoingMail): Promise<{ response: string }>;
  close(): void;
}

export function createMailer(options: {
  smtpUrl?: string | undefined;
  outboxDir: string;
  logger: Logger;
}): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    const url = new URL(options.smtpUrl);
    return {
      description: `${url.protocol}//${url.host}`,
      async send(mail) {
        const info = await transport.sendMail(mail);
        return { response: info.response };
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    description: `outbox: ${options.outboxDir}`,
    async send(mail) {
      const info = await transport.sendMail(mail);
      mkdirSync(options.outboxDir, { recursive: true });
      const safeId = mail.messageId.replace(/[<>]/g, '').replace(/[^a-zA-Z0-9@._-]/g, '_');
      const file = path.join(
        options.outboxDir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${safeId}.eml`,
      );
      writeFileSync(file, info.message as Buffer);
      options.logger.info(
        { to: mail.to, subject: mail.subject, file },
        'Email written to the outbox (no SMTP_URL set)',
      );
      return { response: `written to ${file}` };
    },
    close: () => transport.close(),
  };
}
