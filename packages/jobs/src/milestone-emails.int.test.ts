// A milestone's emails end to end on a real database and a real SMTP server (smtp-server, in this process): a
// threshold crossed by confirmations sends exactly one email to each confirmed signer who asked for news, in their
// language, with RFC 8058's List-Unsubscribe headers; the fan-out run again sends nothing more; a signer without the
// consent, or held, gets nothing; the unsubscribe token is stored nowhere but as its hash (not in messages, job
// payloads or logs); stopping the news from the emailed link (what the one-click POST does) means a later
// milestone reached by hand sends them nothing. Runs on SQLite by default and on PostgreSQL when TEST_POSTGRES_URL
// is set.
import {
  countMilestoneEmails,
  hashToken,
  insertCampaign,
  insertSignature,
  insertSignatureToken,
  listMessages,
  milestoneRepositories,
  nobody,
  runUnitOfWork,
  saveSettings,
  signatureRepositories,
} from '@ayni/db';
import {
  aCampaign,
  aMilestone,
  aSignature as signature,
  createTestDatabase,
  tablesContaining,
  testDialect,
  type TestDatabase,
} from '@ayni/db/testing';
import {
  confirmSignatureByLink,
  markMilestoneReached,
  signatureTokenExpiresAt,
  stopCampaignUpdates,
  systemClock,
  type Signature,
} from '@ayni/domain';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignUpdatesUnsubscribeLinks } from './email/links.js';
import { milestoneAnnouncements, milestoneEmailsJob } from './milestone-emails.js';
import type { Queue } from './queue.js';
import { allJobs } from './registry.js';
import { testQueue, waitFor } from './testing/helpers.js';
import { capturingLogger, startTestSmtp, type TestSmtp } from './testing/smtp.js';

let t: TestDatabase;
let smtp: TestSmtp;
let queue: Queue;
const logs = capturingLogger();

const campaign = aCampaign('camp-water', {
  translations: {
    en: { slug: 'water-is-life', title: 'Water is life', summary: '', body: '', petitionText: 'We ask.' },
    es: {
      slug: 'el-agua-es-vida',
      title: 'El agua es vida',
      summary: '',
      body: '',
      petitionText: 'Pedimos.',
    },
  },
  milestones: [
    aMilestone('ms-2', {
      signatureThreshold: 2,
      translations: {
        en: { title: 'Two signatures', description: 'We are on our way.' },
        es: { title: 'Dos firmas', description: 'Vamos en camino.' },
      },
    }),
    aMilestone('ms-hearing', {
      translations: {
        en: { title: 'The hearing', description: '' },
        es: { title: 'La audiencia', description: '' },
      },
    }),
  ],
});

const aSignature = (id: string, language: 'en' | 'es', updates: boolean, status: Signature['status']) =>
  signature(id, campaign.id, {
    language,
    status,
    ...(updates ? {} : { updatesConsent: null }),
    ...(status === 'held' ? { heldReason: 'Over the limit' } : {}),
  });

beforeAll(async () => {
  smtp = await startTestSmtp({ logger: logs.logger });
  t = await createTestDatabase();
  await saveSettings(t.db, {
    organisationName: 'Andes Solidarity Network',
    siteUrl: 'https://andes.example.org',
  });
  queue = testQueue(t, allJobs, {
    mailer: smtp.mailer,
    links: { 'campaign-updates-unsubscribe': campaignUpdatesUnsubscribeLinks },
    logger: logs.logger,
  });
  await queue.start();
  await queue.work({ concurrency: 4 });
  await insertCampaign(t.db, campaign);
  for (const s of [
    aSignature('ana', 'en', true, 'pending'),
    aSignature('luz', 'es', true, 'pending'),
    aSignature('bob', 'en', false, 'pending'),
    aSignature('held', 'es', true, 'held'),
  ]) {
    await insertSignature(t.db, s);
    await insertSignatureToken(t.db, {
      signatureId: s.id,
      tokenHash: hashToken(`confirm-${s.id}`),
      createdAt: s.createdAt,
      expiresAt: signatureTokenExpiresAt(new Date()),
    });
  }
}, 60_000);
afterAll(async () => {
  await queue?.stop(5_000);
  await smtp?.close();
  await t?.cleanup();
});

const mailTo = (who: string) => smtp.mailTo(`${who}@example.org`);
const ports = (trx: TestDatabase['db']) => ({
  ...signatureRepositories(trx),
  ...milestoneRepositories(trx),
  announcements: milestoneAnnouncements(trx, queue),
  clock: systemClock,
});
const confirm = (who: string) =>
  runUnitOfWork(t.db, { clock: systemClock, actor: nobody }, (trx) =>
    confirmSignatureByLink(ports(trx), { tokenHash: hashToken(`confirm-${who}`) }),
  );
const header = (mail: ParsedMail, key: string) =>
  mail.headerLines
    .find((h) => h.key === key)
    ?.line.replace(/\r\n(?=[ \t])/g, '')
    .replace(/^[^:]+: /, '');
const completedFanOuts = async () =>
  (await queue.counts()).find((c) => c.name === milestoneEmailsJob.name)?.completed ?? 0;
const sentMessages = async () =>
  (await listMessages(t.db, { limit: 100 })).filter((m) => m.status === 'sent').length;

describe(`milestone emails on ${testDialect()}`, () => {
  let luzToken = '';

  it('emails each confirmed signer who asked for news once, in their language, with one-click headers', async () => {
    await confirm('ana');
    await confirm('bob');
    expect(await completedFanOuts()).toBe(0);
    // Luz's confirmation brings the count to 3, past the threshold of 2 (reached once, whoever crossed it).
    await confirm('luz');
    const mails = await waitFor(
      () => smtp.received.length >= 2 && smtp.received,
      30_000,
      'two milestone emails',
    );
    await waitFor(
      async () => (await completedFanOuts()) === 1 && (await sentMessages()) === 2,
      30_000,
      'sent',
    );
    expect(smtp.received).toHaveLength(2);
    const [ana] = mailTo('ana');
    const [luz] = mailTo('luz');
    expect(ana!.subject).toBe('Milestone reached on “Water is life”: Two signatures');
    expect(ana!.text).toContain('We are on our way.');
    expect(ana!.text).toContain('https://andes.example.org/campaigns/water-is-life');
    expect(ana!.text!.replace(/\s+/g, ' ')).toContain('because you asked for updates about this campaign');
    expect(ana!.headers.get('content-language')).toBe('en');
    expect(luz!.subject).toBe('Hito alcanzado en “El agua es vida”: Dos firmas');
    expect(luz!.html).toContain('lang="es"');
    expect(luz!.text).toContain('https://andes.example.org/es/campaigns/el-agua-es-vida');
    for (const mail of mails) {
      const link = header(mail, 'list-unsubscribe')?.match(/^<(.+)>$/)?.[1];
      expect(link).toMatch(/^https:\/\/andes\.example\.org(\/es)?\/unsubscribe\/[\w-]{43}$/);
      expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(mail.text).toContain(link);
    }
    const luzLink = header(luz!, 'list-unsubscribe')!.slice(1, -1);
    expect(luzLink.startsWith('https://andes.example.org/es/unsubscribe/')).toBe(true);
    luzToken = luzLink.split('/').at(-1)!;
    expect(Buffer.from(luzToken, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(mailTo('bob')).toEqual([]);
    expect(mailTo('held')).toEqual([]);
  }, 60_000);

  it('stores the unsubscribe token nowhere but as its hash: not in messages, job payloads or logs', async () => {
    expect(await tablesContaining(t, luzToken)).toEqual([]);
    expect(logs.text()).not.toContain(luzToken);
    expect(await tablesContaining(t, hashToken(luzToken))).toEqual([
      t.dialect === 'sqlite'
        ? 'signature_unsubscribe_tokens.token_hash'
        : 'public.signature_unsubscribe_tokens',
    ]);
  });

  it('sends nothing more when the fan-out runs again', async () => {
    await queue.enqueue(t.db, milestoneEmailsJob, { milestoneId: 'ms-2' });
    await waitFor(async () => (await completedFanOuts()) === 2, 30_000, 'the second run');
    expect(await countMilestoneEmails(t.db, 'ms-2')).toBe(2);
    expect((await listMessages(t.db, { limit: 100 })).length).toBe(2);
    expect(smtp.received).toHaveLength(2);
  }, 60_000);

  it('after the link stops Luz’s news, a milestone marked by hand emails only the others who asked', async () => {
    const stopped = await runUnitOfWork(t.db, { clock: systemClock, actor: nobody }, (trx) =>
      stopCampaignUpdates(
        {
          ...milestoneRepositories(trx),
          campaigns: signatureRepositories(trx).campaigns,
          clock: systemClock,
        },
        { tokenHash: hashToken(luzToken) },
      ),
    );
    expect(stopped.result).toMatchObject({ status: 'stopped', now: true });
    await runUnitOfWork(t.db, { clock: systemClock, actor: nobody }, (trx) =>
      markMilestoneReached(ports(trx), { campaignId: campaign.id, milestoneId: 'ms-hearing' }),
    );
    await waitFor(
      async () => (await completedFanOuts()) === 3 && (await sentMessages()) === 3,
      30_000,
      'sent',
    );
    expect(mailTo('ana').map((m) => m.subject)).toEqual([
      'Milestone reached on “Water is life”: Two signatures',
      'Milestone reached on “Water is life”: The hearing',
    ]);
    expect(mailTo('luz')).toHaveLength(1);
    expect(smtp.received).toHaveLength(3);
    expect(await countMilestoneEmails(t.db, 'ms-hearing')).toBe(1);
  }, 60_000);
});
