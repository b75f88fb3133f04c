// pnpm --filter @ayni/bench run bench:events — issue 14's "Performance and integrity", on SQLite and on PostgreSQL,
// each part on a fresh database with the demo content and the production build of the site (apps/web/server.js).
// The calendar feed /events.ics with BENCH_EVENTS (1,000) upcoming events in English and Spanish, over HTTP:
//   1. from the page cache: GET /events.ics as a calendar app polls it (no validator), median and p99 with one
//      connection, and requests/s with 10; each answer checked (200, X-Cache: hit, 1,000 VEVENTs);
//   2. cold: the content changes before each request (markSiteChanged, as any publish does), so every request reads
//      the events and writes the whole file again — median of BENCH_COLD_ROUNDS (20) requests one after another;
//   3. a conditional GET answered 304.
// Target: median under 50 ms from the cache. Registration, with the site at TRUST_PROXY=loopback (each POST's
// X-Forwarded-For is its own address) and the worker (apps/worker) sending to a local SMTP server in its own process
// (smtp-sink.ts): an event with 100 places (seeded with the db functions, published, registering here); 500 register
// form POSTs at once (the form's fields, the consent box's "yes", the empty honeypot, the site's Origin), each from
// its own address and email → exactly 100 holding a place and 400 waitlisted, every email once, the holders the first
// 100 to arrive as the server decided them (created_at, all distinct), the waitlist positions emailed 1..400 in that
// order; then 50 holders press the cancel button of the link they were emailed, at once → exactly 50 cancelled, the
// first 50 in line promoted, each recorded and received once as "off the waitlist", still 100 holding a place.
// Flags: --sqlite / --postgres (one database; both by default), --only=feed / --only=registration (one part),
// --quick (a shorter feed part; the registration part at a fifth: 20 places, 100 at once, 10 cancel). Prints
// Markdown tables for bench/README.md, with the machine's load, and exits 1 when an integrity check fails.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { insertEvent, markSiteChanged, migrateToLatest, randomIds, seedDemo, type DbHandle } from '@ayni/db';
import { anEvent } from '@ayni/db/testing';
import { systemClock, type Event } from '@ayni/domain';
import autocannon from 'autocannon';
import { posts, waitFor } from './posts.js';
import { startNode, startSiteAndWorker, startSmtpSink } from './processes.js';
import { onEachDatabase, type Target } from './targets.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
/** --only=feed or --only=registration: one part (both by default). */
const only = args.find((a) => a.startsWith('--only='))?.split('=')[1];
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? (quick ? 3 : 8));
const COLD_ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? (quick ? 5 : 20));
/** The registration part's sizes (issue 14's: 100 places, 500 at once, 50 cancel); --quick: a fifth. */
const PLACES = quick ? 20 : 100;
const REGISTRANTS = quick ? 100 : 500;
const CANCELLATIONS = quick ? 10 : 50;
/** The cancellers' addresses start here (the registrants' are 1..REGISTRANTS). */
const CANCEL_ADDRESSES = 100_000;
/** How long a phase waits for an answer (s): a slow answer is still an answer (autocannon's default is 10). */
const ANSWER_TIMEOUT = 120;
/** What the "off the waitlist" email says (in English, the language registered in), in its text and HTML. */
const OFF_THE_WAITLIST_TEXT = 'A place has come free at';
const failures: string[] = [];
const SECRETS_KEY = 'bench-secrets-key-bench-secrets-key-bench';
const root = path.resolve(import.meta.dirname, '..');
const zones = ['Europe/London', 'America/Lima'];

/** A published event that registers here, in English and Spanish, in London or Lima; `j` names it. */
function benchEvent(j: number, startsAt: Date, fields: Partial<Event>): Event {
  const now = systemClock.now();
  return anEvent(randomIds.id(), startsAt, {
    timeZone: zones[j % zones.length]!,
    venue: j % 2 === 0 ? { name: `Hall ${j % 17}`, address: `${j} Red Lion Square, London` } : null,
    onlineUrl: j % 2 === 0 ? null : `https://stream.example.org/bench-${j}`,
    accessibilityFacts: ['step-free'],
    capacity: 80,
    translations: {
      en: {
        slug: `bench-talk-${j}`,
        title: `Bench talk ${j}: water, land and rights`,
        summary: `A talk and questions, with partners from Puno and Cajamarca (${j}).`,
        body: '',
      },
      es: {
        slug: `charla-de-prueba-${j}`,
        title: `Charla de prueba ${j}: agua, tierra y derechos`,
        summary: `Una charla con preguntas, con socios de Puno y Cajamarca (${j}).`,
        body: '',
      },
    },
    createdAt: now,
    updatedAt: now,
    ...fields,
  });
}

/** BENCH_EVENTS events, one every 6 hours from tomorrow, in London and Lima, half with a venue and a stream. */
async function seedEvents(db: DbHandle['db']): Promise<void> {
  const now = systemClock.now();
  const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 18);
  for (let i = 0; i < EVENTS; i += 250) {
    await db.transaction().execute(async (trx) => {
      for (let j = i; j < Math.min(EVENTS, i + 250); j++) {
        const status = j % 50 === 49 ? 'cancelled' : 'published';
        await insertEvent(
          trx,
          benchEvent(j, new Date(first + j * 6 * 3_600_000), { sequence: j % 4, status }),
        );
      }
    });
  }
  await markSiteChanged(db, ['events']);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** One GET of the feed: its time in ms, and what came back, checked. */
async function getFeed(url: string, expectCache: 'hit' | 'miss'): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  const ms = performance.now() - started;
  const vevents = body.split('BEGIN:VEVENT').length - 1;
  const cache = response.headers.get('x-cache');
  if (response.status !== 200 || cache !== expectCache || vevents < EVENTS) {
    throw new Error(
      `${url}: ${response.status}, X-Cache ${cache}, ${vevents} VEVENTs (wanted ${expectCache})`,
    );
  }
  return ms;
}

interface Row {
  label: string;
  bytes: number;
  cachedFetch: number;
  cachedP50: number;
  cachedP99: number;
  cachedRps: number;
  non2xx: number;
  cold: number;
  coldMax: number;
  notModifiedP50: number;
}

async function run(target: Target): Promise<Row> {
  const { handle } = target;
  await migrateToLatest(handle.db);
  await seedDemo(handle.db, { clock: systemClock, ids: randomIds });
  await seedEvents(handle.db);
  const port = 3960 + Math.floor(Math.random() * 30);
  const origin = `http://127.0.0.1:${port}`;
  const web = await startNode(
    ['server.js'],
    path.join(root, 'apps/web'),
    {
      DATABASE_URL: target.url,
      PORT: String(port),
      NODE_ENV: 'production',
      SECRETS_KEY,
      SITE_URL: origin,
    },
    'Site ready',
  );
  const url = `${origin}/events.ics`;
  try {
    // 2. Cold first (each request after a content change renders the whole feed).
    const cold: number[] = [];
    for (let i = 0; i < COLD_ROUNDS; i++) {
      await markSiteChanged(handle.db, ['events']);
      cold.push(await getFeed(url, 'miss'));
    }
    // 1. From the page cache: the copy the last cold request left.
    await getFeed(url, 'hit');
    const first = await fetch(url);
    const bytes = (await first.arrayBuffer()).byteLength;
    // One request after another, each to its last byte (autocannon below measures the same under load).
    const sequential: number[] = [];
    for (let i = 0; i < 50; i++) sequential.push(await getFeed(url, 'hit'));
    const one = await autocannon({ url, connections: 1, duration: Math.max(3, SECONDS / 2) });
    const many = await autocannon({ url, connections: 10, duration: SECONDS });
    await getFeed(url, 'hit');
    // 3. A calendar app that kept the ETag.
    const etag = first.headers.get('etag')!;
    const notModified = await autocannon({
      url,
      connections: 1,
      duration: 3,
      headers: { 'if-none-match': etag },
    });
    if (notModified['2xx'] !== 0) throw new Error('the conditional GET answered 2xx, not 304');
    return {
      label: target.label,
      bytes,
      cachedFetch: median(sequential),
      cachedP50: one.latency.p50,
      cachedP99: one.latency.p99,
      cachedRps: many.requests.average,
      non2xx: one.non2xx + many.non2xx,
      cold: median(cold),
      coldMax: Math.max(...cold),
      notModifiedP50: notModified.latency.p50,
    };
  } finally {
    await web.stop();
  }
}

/** One integrity check: a mismatch is a FAILED line in the output (and exit 1), never hidden. */
function check(what: string, actual: number, expected: number) {
  if (actual !== expected) failures.push(`${what}: ${actual}, expected ${expected}`);
}

function progress(label: string, phase: string) {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${label}: ${phase}\n`);
}

type Db = DbHandle['db'];

/** The bench event's registrations in arrival order (created_at, then id: the waitlist's order). */
async function registrationsOf(db: Db, eventId: string) {
  const rows = await db
    .selectFrom('event_registrations')
    .select(['id', 'email', 'canonical_email', 'status', 'created_at', 'promoted_at'])
    .where('event_id', '=', eventId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, at: new Date(r.created_at as string | Date).getTime() }));
}

/** The messages recorded for `template`, by recipient, with their data. */
async function messagesOf(db: Db, template: string) {
  const rows = await db
    .selectFrom('messages')
    .select(['recipient', 'data'])
    .where('template', '=', template)
    .execute();
  return rows.map((r) => ({ recipient: r.recipient, data: JSON.parse(r.data) as Record<string, unknown> }));
}

interface RegistrationRow {
  label: string;
  answered: number;
  rate: number;
  p99: number;
  holding: number;
  waitlisted: number;
  cancelAnswered: number;
  cancelP99: number;
  promoted: number;
  promotedEmails: number;
  emailedSeconds: number;
}

/**
 * Issue 14's registration integrity on one database: an event with PLACES places; REGISTRANTS form POSTs at once,
 * each from its own address and email; then CANCELLATIONS of the holders cancel at once from their emailed links.
 */
async function runRegistration(target: Target): Promise<RegistrationRow> {
  const { handle, label } = target;
  await migrateToLatest(handle.db);
  await seedDemo(handle.db, { clock: systemClock, ids: randomIds });
  const now = systemClock.now();
  const event = benchEvent(0, new Date(now.getTime() + 7 * 86_400_000), { capacity: PLACES });
  await insertEvent(handle.db, event);
  await markSiteChanged(handle.db, ['events']);
  const slug = event.translations.en!.slug;
  const sink = await startSmtpSink();
  const { web, worker, origin } = await startSiteAndWorker({
    root,
    databaseUrl: target.url,
    secretsKey: SECRETS_KEY,
    smtpPort: sink.port,
    port: 3960 + Math.floor(Math.random() * 30),
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'ayni-bench-events-'));
  let n = 0;
  const next = () => ++n;
  /** Every event email recorded so far has reached the sink. */
  const allSent = async () => {
    const row = await handle.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('template', 'like', 'event-%')
      .executeTakeFirstOrThrow();
    return (await sink.received()) >= Number(row.n);
  };
  try {
    const page = await (await fetch(`${origin}/events/${slug}`)).text();
    if (!page.includes('name="consent"') || !page.includes('name="website"')) {
      throw new Error(`/events/${slug} shows no register form`);
    }

    progress(label, `${REGISTRANTS} registrations at once`);
    // The fields the register form sends, in its order: the consent box's value "yes", the honeypot left empty.
    const registering = await autocannon({
      url: `${origin}/events/${slug}?index`,
      connections: REGISTRANTS,
      amount: REGISTRANTS,
      timeout: ANSWER_TIMEOUT,
      requests: posts(
        next,
        (i) => ({
          name: `Registrant ${i}`,
          email: `registrant-${i}@example.org`,
          consent: 'yes',
          accessNeeds: '',
          website: '',
        }),
        origin,
      ),
    });
    const registered = await registrationsOf(handle.db, event.id);
    const holders = registered.filter((r) => r.status === 'pending' || r.status === 'confirmed');
    const waitlist = registered.filter((r) => r.status === 'waitlisted');
    check(`${label}: registration posts answered 303`, registering['3xx'], REGISTRANTS);
    check(`${label}: registrations`, registered.length, REGISTRANTS);
    check(
      `${label}: emails registered once`,
      new Set(registered.map((r) => r.canonical_email)).size,
      REGISTRANTS,
    );
    check(`${label}: holding a place`, holders.length, PLACES);
    check(`${label}: waitlisted`, waitlist.length, REGISTRANTS - PLACES);
    check(`${label}: distinct arrival times`, new Set(registered.map((r) => r.at)).size, registered.length);
    // First come, first served: the holders are the first PLACES to arrive as the server decided them.
    check(
      `${label}: holders among the first ${PLACES} arrivals`,
      registered.slice(0, PLACES).filter((r) => r.status !== 'waitlisted').length,
      PLACES,
    );
    // The waitlist position each was emailed: 1..N, each once, in arrival order.
    const confirmations = await messagesOf(handle.db, 'event-registration-confirm');
    check(`${label}: confirm-your-registration messages`, confirmations.length, REGISTRANTS);
    const positionOf = new Map(confirmations.map((m) => [m.recipient, m.data.position]));
    const positions = waitlist.map((r) => positionOf.get(r.email));
    check(
      `${label}: waitlisted emailed positions 1..${waitlist.length} in arrival order`,
      positions.filter((p, i) => p === i + 1).length,
      waitlist.length,
    );
    check(
      `${label}: holders emailed no position`,
      holders.filter((r) => positionOf.get(r.email) === null).length,
      holders.length,
    );

    progress(label, `${CANCELLATIONS} cancellations at once`);
    const sendStarted = Date.now();
    await waitFor(`${REGISTRANTS} confirm-your-registration emails`, 600, allSent);
    const emailedSeconds = (Date.now() - sendStarted) / 1000;
    const cancelLinks = await sink.cancelLinks('registrant-', path.join(dir, 'cancel.json'));
    check(`${label}: cancel links received`, Object.keys(cancelLinks).length, REGISTRANTS);
    // Every other holder cancels (spread over the holders' arrivals).
    const cancelling = holders.filter((_, i) => i % 2 === 0).slice(0, CANCELLATIONS);
    const links = cancelling.map((r) => cancelLinks[r.email]!).filter(Boolean);
    let k = 0;
    const cancelled = await autocannon({
      url: origin,
      connections: CANCELLATIONS,
      amount: links.length,
      timeout: ANSWER_TIMEOUT,
      // The cancel page's form is its one button: an empty body.
      requests: posts(
        () => CANCEL_ADDRESSES + k++,
        () => ({}),
        origin,
        (i) => links[(i - CANCEL_ADDRESSES) % links.length]!,
      ),
    });
    const after = await registrationsOf(handle.db, event.id);
    const firstInLine = new Set(waitlist.slice(0, CANCELLATIONS).map((r) => r.id));
    const promotedRows = after.filter((r) => r.promoted_at !== null);
    check(`${label}: cancel posts answered 200`, cancelled['2xx'], CANCELLATIONS);
    check(`${label}: cancelled`, after.filter((r) => r.status === 'cancelled').length, CANCELLATIONS);
    check(
      `${label}: holding a place after the cancellations`,
      after.filter((r) => r.status === 'pending' || r.status === 'confirmed').length,
      PLACES,
    );
    check(
      `${label}: still waitlisted`,
      after.filter((r) => r.status === 'waitlisted').length,
      REGISTRANTS - PLACES - CANCELLATIONS,
    );
    check(`${label}: promoted`, promotedRows.length, CANCELLATIONS);
    check(
      `${label}: promoted from the first ${CANCELLATIONS} in line`,
      promotedRows.filter((r) => firstInLine.has(r.id) && r.status !== 'waitlisted').length,
      CANCELLATIONS,
    );
    await waitFor('the off-the-waitlist and cancelled emails', 300, allSent);
    const offMessages = await messagesOf(handle.db, 'event-off-the-waitlist');
    const promotedEmails = new Set(promotedRows.map((r) => r.email));
    check(`${label}: off-the-waitlist messages recorded`, offMessages.length, CANCELLATIONS);
    check(
      `${label}: off-the-waitlist messages to the promoted, each once`,
      new Set(offMessages.filter((m) => promotedEmails.has(m.recipient)).map((m) => m.recipient)).size,
      CANCELLATIONS,
    );
    const received = await sink.countContaining(OFF_THE_WAITLIST_TEXT, path.join(dir, 'off.json'));
    check(`${label}: addresses sent an off-the-waitlist email`, Object.keys(received).length, CANCELLATIONS);
    check(
      `${label}: promoted addresses sent exactly one off-the-waitlist email`,
      [...promotedEmails].filter((email) => received[email] === 1).length,
      CANCELLATIONS,
    );
    check(
      `${label}: cancelled messages recorded`,
      (await messagesOf(handle.db, 'event-registration-cancelled')).length,
      CANCELLATIONS,
    );
    return {
      label,
      answered: registering['3xx'],
      rate: registering['3xx'] / registering.duration,
      p99: registering.latency.p99,
      holding: holders.length,
      waitlisted: waitlist.length,
      cancelAnswered: cancelled['2xx'],
      cancelP99: cancelled.latency.p99,
      promoted: promotedRows.length,
      promotedEmails: Object.values(received).reduce((a, b) => a + b, 0),
      emailedSeconds,
    };
  } finally {
    rmSync(dir, { recursive: true });
    await worker.stop();
    await web.stop();
    await sink.stop();
  }
}

const loadNow = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
const load = loadNow();
const rows =
  only === 'registration'
    ? []
    : await onEachDatabase((target) => {
        console.error(`${target.label}: seeding ${EVENTS} events and measuring`);
        return run(target);
      });
const registrations = only === 'feed' ? [] : await onEachDatabase(runRegistration);

console.log(
  `${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'} · ${Math.round(totalmem() / 2 ** 30)} GB · load average (1/5/15 min) at the start ${load}, at the end ${loadNow()}\n`,
);
if (rows.length > 0) {
  console.log(`/events.ics with ${EVENTS} upcoming events:\n`);
  console.log(
    '| database | feed size | from the page cache: median ms, 50 GETs one after another (whole body) | autocannon p50 / p99 ms (1 conn.) | req/s (10 conn.) | cold (content changed before each): median / max ms | conditional GET → 304: p50 ms |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.label} | ${(r.bytes / 1024).toFixed(0)} KB | ${r.cachedFetch.toFixed(1)} | ${r.cachedP50} / ${r.cachedP99} | ${Math.round(r.cachedRps)}${r.non2xx ? ` (${r.non2xx} not 2xx)` : ''} | ${r.cold.toFixed(0)} / ${r.coldMax.toFixed(0)} | ${r.notModifiedP50} |`,
    );
  }
}
if (registrations.length > 0) {
  console.log(
    `\nRegistration (an event with ${PLACES} places; ${REGISTRANTS} registrations at once, each from its own address and email; then ${CANCELLATIONS} holders cancel at once from their emailed links):\n`,
  );
  console.log(
    '| database | registrations answered 303 (/s, p99 ms) | holding a place / waitlisted | confirm emails received (s waited after the checks) | cancels answered 200 (p99 ms) | promoted | off-the-waitlist emails received |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of registrations) {
    console.log(
      `| ${r.label} | ${r.answered} (${Math.round(r.rate)}, ${r.p99}) | ${r.holding} / ${r.waitlisted} | ${REGISTRANTS} (${Math.round(r.emailedSeconds)} s) | ${r.cancelAnswered} (${r.cancelP99}) | ${r.promoted} | ${r.promotedEmails} |`,
    );
  }
  if (failures.length > 0) {
    console.log(`\nFAILED integrity checks:\n${failures.map((f) => `- ${f}`).join('\n')}`);
  } else {
    console.log('\nEvery integrity check held.');
  }
}
process.exit(failures.length > 0 ? 1 : 0);
