// Reads what the run's SMTP server received (see global-setup.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';

export async function receivedMail(): Promise<ParsedMail[]> {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR is not set: the global setup did not start the SMTP server');
  const files = readdirSync(dir).sort();
  return Promise.all(files.map((f) => simpleParser(readFileSync(path.join(dir, f)))));
}

export async function mailTo(address: string): Promise<ParsedMail[]> {
  return (await receivedMail()).filter((m) =>
    (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.text.includes(address)),
  );
}
