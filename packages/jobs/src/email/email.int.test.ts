// Email end to end on a real database and a real SMTP server (smtp-server, in this process): the message record
// and its job are written in the caller's transaction, the worker sends it, the server receives both parts in the
// recipient's language with the right headers, and a rerun of a sent message sends nothing. Links are minted at
// send time: the message record keeps none.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSecrets, findMessage, saveSettings } from '@ayni/db';
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import { systemClock } from '@ayni/domain';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queue } from '../queue.js';
import { allJobs } from '../registry.js';
import { silentLogger, testQueue, waitFor } from '../testing/helpers.js';
import { startTestSmtp, type TestSmtp } from '../testing/smtp.js';
import { unsubscribeLinks, verifyUnsubscribeLink, type LinkMinters } from './links.js';
import { queueEmail, sendEmailJob } from './send.js';
import { createMailer } from './transport.js';

let t: TestDatabase;
let smtp: TestSmtp;
let queue: Queue;
const secrets = createSecrets('email-test-secrets-key-email-test-secrets-key');
// This worker can make confirmation and unsubscribe links, not password-reset ones (see the last test).
const links: LinkMinters = {
  'signature-confirmation': async ({ signatureId }) => ({
    url: `https://andes.example.org/c/${signatureId}`,
  }),
  unsubscribe: unsubscribeLinks(secrets),
};

beforeAll(async () => {
  smtp = await startTestSmtp({
    logger: silentLogger,
    refuse: (recipient) => recipient.startsWith('reject@'),
  });
  t = await createTestDatabase();
  await saveSettings(t.db, {
    organisationName: 'Andes Solidarity Network',
    postalAddress: '12 Example Yard, London N1 0AA',
    siteUrl: 'https://andes.example.org',
  });
  queue = testQueue(t, allJobs, { mailer: smtp.mailer, links });
  await queue.start();
  await queue.work({ concurrency: 2 });
});
afterAll(async () => {
  await queue?.stop(5_000);
  await smtp?.close();
  await t?.cleanup();
});

const mailTo = (address: string) => smtp.mailTo(address);

describe('email', () => {
  it('sends a Spanish confirmation with both parts, its language and a stable Message-ID', async () => {
    const id = await t.db.transaction().execute((trx) =>
      queueEmail(
        trx,
        queue,
        {
          to: 'ana@example.pe',
          template: 'signature-confirmation',
          language: 'es',
          data: { signatureId: 'abc', name: 'Ana', campaignTitle: 'Justicia' },
        },
        { clock: systemClock },
      ),
    );
    const [mail] = await waitFor(
      async () => mailTo('ana@example.pe').length === 1 && mailTo('ana@example.pe'),
    );
    expect(mail!.subject).toBe('Confirma tu firma en la petición “Justicia”');
    expect(mail!.text).toContain('https://andes.example.org/c/abc');
    expect(mail!.text).toContain('12 Example Yard, London N1 0AA');
    expect(mail!.html).toContain('lang="es"');
    expect(mail!.headers.get('content-language')).toBe('es');
    expect(mail!.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail!.headerLines.some((h) => h.key === 'list-unsubscribe')).toBe(false);
    expect(mail!.from?.text).toBe('"Andes Solidarity Network" <no-reply@andes.example.org>');
    const record = await waitFor(async () => {
      const m = await findMessage(t.db, id);
      return m?.status === 'sent' && m;
    });
    expect(mail!.messageId).toBe(record.messageId);
    expect(record).toMatchObject({
      recipient: 'ana@example.pe',
      template: 'signature-confirmation',
      language: 'es',
      subject: 'Confirma tu firma en la petición “Justicia”',
      attempts: 1,
      lastError: null,
    });
    expect(record.messageId).toBe(`<${id}@andes.example.org>`);
    expect(JSON.stringify(record.data)).not.toContain('/c/abc');
  });

  it('gives bulk mail a signed unsubscribe link, made at send time, and List-Unsubscribe headers', async () => {
    const id = await queueEmail(
      t.db,
      queue,
      {
        to: 'reader@example.org',
        template: 'weekly-digest',
        language: 'en',
        data: {
          articles: [{ title: 'News', summary: 'A summary', url: 'https://andes.example.org/news/n' }],
        },
      },
      { clock: systemClock },
    );
    const [mail] = await waitFor(
      async () => mailTo('reader@example.org').length === 1 && mailTo('reader@example.org'),
    );
    expect(mail!.subject).toBe("This week's news from Andes Solidarity Network");
    const raw = (key: string) => mail!.headerLines.find((h) => h.key === key)?.line;
    // A long header is folded onto a second line; unfolding removes the line break only (RFC 5322).
    const link = raw('list-unsubscribe')
      ?.replace(/\r\n(?=[ \t])/g, '')
      .match(/^List-Unsubscribe: <(.+)>$/)?.[1];
    expect(link).toMatch(
      /^https:\/\/andes\.example\.org\/unsubscribe\?list=weekly-digest&email=reader%40example\.org&sig=[0-9a-f]{64}$/,
    );
    expect(raw('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail!.text).toContain(link);
    expect(mail!.html).toContain(link!.replace(/&/g, '&amp;'));
    const params = new URL(link!).searchParams;
    const signed = { list: params.get('list')!, email: params.get('email')!, sig: params.get('sig')! };
    expect(verifyUnsubscribeLink(secrets, signed)).toBe(true);
    expect(verifyUnsubscribeLink(secrets, { ...signed, email: 'someone-else@example.org' })).toBe(false);
    const record = await waitFor(async () => {
      const m = await findMessage(t.db, id);
      return m?.status === 'sent' && m;
    });
    expect(JSON.stringify(record.data)).not.toContain(signed.sig);
  });

  it('sends nothing when the caller’s transaction rolls back', async () => {
    await t.db
      .transaction()
      .execute(async (trx) => {
        await queueEmail(
          trx,
          queue,
          {
            to: 'ghost@example.org',
            template: 'test-message',
            language: 'en',
            data: { requestedBy: 'Rosa' },
          },
          { clock: systemClock },
        );
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await queueEmail(
      t.db,
      queue,
      { to: 'after@example.org', template: 'test-message', language: 'en', data: { requestedBy: 'Rosa' } },
      { clock: systemClock },
    );
    await waitFor(async () => mailTo('after@example.org').length === 1);
    expect(mailTo('ghost@example.org')).toEqual([]);
    expect(
      await t.db.selectFrom('messages').select('id').where('recipient', '=', 'ghost@example.org').execute(),
    ).toEqual([]);
  });

  it('does not send a message again when its job runs again after it was sent', async () => {
    const id = await queueEmail(
      t.db,
      queue,
      { to: 'once@example.org', template: 'test-message', language: 'en', data: { requestedBy: 'Rosa' } },
      { clock: systemClock },
    );
    await waitFor(async () => (await findMessage(t.db, id))?.status === 'sent');
    await sendEmailJob.handler(
      { messageId: id },
      {
        jobId: 'rerun',
        attempt: 2,
        db: t.db,
        dialect: t.dialect,
        clock: systemClock,
        logger: silentLogger,
        queue,
        services: { mailer: smtp.mailer },
      },
    );
    expect(mailTo('once@example.org')).toHaveLength(1);
  });

  it('records a refused delivery on the message and keeps it queued for a retry', async () => {
    const id = await queueEmail(
      t.db,
      queue,
      { to: 'reject@example.org', template: 'test-message', language: 'en', data: { requestedBy: 'Rosa' } },
      { clock: systemClock },
    );
    const record = await waitFor(async () => {
      const m = await findMessage(t.db, id);
      return m && m.attempts === 1 && m;
    });
    expect(record.status).toBe('queued');
    expect(record.lastError).toMatch(/550 No such mailbox here/);
  });

  it('refuses template data that does not fit, naming the field, and records nothing', async () => {
    await expect(
      queueEmail(
        t.db,
        queue,
        {
          to: 'x@example.org',
          template: 'password-reset',
          language: 'en',
          data: { name: 'X' },
        },
        { clock: systemClock },
      ),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['userId'] })] });
    expect(
      await t.db.selectFrom('messages').select('id').where('recipient', '=', 'x@example.org').execute(),
    ).toEqual([]);
  });

  it('keeps a message waiting, with the reason, when this process cannot make its link', async () => {
    const id = await queueEmail(
      t.db,
      queue,
      {
        to: 'nolink@example.org',
        template: 'password-reset',
        language: 'en',
        data: { userId: 'u1', name: 'Ana' },
      },
      { clock: systemClock },
    );
    const record = await waitFor(async () => {
      const m = await findMessage(t.db, id);
      return m && m.attempts === 1 && m;
    });
    expect(record.status).toBe('queued');
    expect(record.lastError).toBe(
      'Error: This process cannot make password-reset links (the worker wires them)',
    );
    expect(mailTo('nolink@example.org')).toEqual([]);
  });
});

describe('the outbox (no SMTP_URL)', () => {
  it('writes each message as an .eml file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ayni-outbox-'));
    const outbox = createMailer({ outboxDir: dir, logger: silentLogger });
    await outbox.send({
      from: 'a@example.org',
      to: 'b@example.org',
      subject: 'Hello from the outbox',
      text: 'plain',
      html: '<p>html</p>',
      messageId: '<m1@example.org>',
      headers: { 'Content-Language': 'en' },
    });
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/m1@example\.org\.eml$/);
    const mail = await simpleParser(readFileSync(path.join(dir, files[0]!)));
    expect(mail.subject).toBe('Hello from the outbox');
    expect(mail.text?.trim()).toBe('plain');
    expect(mail.messageId).toBe('<m1@example.org>');
  });
});
