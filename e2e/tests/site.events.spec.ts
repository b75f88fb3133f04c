// A reader finds events with JavaScript off (issue 14, its first slice: reading, no registration yet): the home
// page's event links to its page, which reads the date, time and zone in English and in Spanish; "Add to
// calendar" downloads an .ics that ical.js parses; /events.ics and /es/events.ics are feeds of the upcoming events.
// An event at 18:00 London time the day after the clocks go forward, and one at 18:00 in Lima, read 18:00 on the
// page, in the JSON-LD's offset and in the parsed .ics. The seeded screening's online link appears in no public
// response. A rescheduled event's JSON-LD names its previous start, and its .ics its SEQUENCE; an event leaves the
// upcoming lists (home page, /events, /events.ics) the moment it ends, with no publish in between. The list and the
// event page pass axe in both languages.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { createDb, insertEvent, markSiteChanged } from '@ayni/db';
import ICAL from 'ical.js';
import { SITE_URL } from '../support/servers.js';

type Event = Parameters<typeof insertEvent>[1];

const ONLINE_LINK = 'stream.example.org';
const SCREENING_EN = '/events/screening-the-quipu-testimonies';
const SCREENING_ES = '/es/events/proyeccion-los-testimonios-de-quipu';

test.use({ javaScriptEnabled: false });

/** axe runs in the page: the same address is opened again with JavaScript on and checked there. */
async function expectNoAxeViolations(page: Page, path: string) {
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true, baseURL: SITE_URL });
  try {
    const checked = await context.newPage();
    await checked.goto(path);
    const results = await new AxeBuilder({ page: checked }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.help}`),
      path,
    ).toEqual([]);
  } finally {
    await context.close();
  }
}

/** An .ics file parsed by ical.js with its VTIMEZONEs registered, so times resolve to instants through them. */
function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
  expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
  const events = calendar.getAllSubcomponents('vevent');
  for (const vevent of events) {
    for (const name of ['uid', 'dtstamp', 'dtstart', 'dtend', 'summary', 'url', 'sequence', 'status']) {
      expect(vevent.getFirstPropertyValue(name), name).not.toBeNull();
    }
  }
  return { calendar, events };
}

function start(vevent: ICAL.Component) {
  const property = vevent.getFirstProperty('dtstart')!;
  const time = property.getFirstValue() as ICAL.Time;
  return {
    tzid: property.getParameter('tzid'),
    wall: `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`,
    utc: time.toJSDate().toISOString(),
  };
}

async function getCalendar(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  return parseCalendar(await response.text());
}

async function jsonLd(page: Page): Promise<Record<string, unknown>> {
  return JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
}

function event(slug: string, fields: Partial<Event>): Event {
  const now = new Date();
  return {
    id: randomUUID(),
    startsAt: new Date(),
    endsAt: new Date(),
    timeZone: 'Europe/London',
    venue: { name: 'Conway Hall', address: '25 Red Lion Square, London WC1R 4RL' },
    onlineUrl: null,
    accessibility: '',
    capacity: null,
    registrationOpen: false,
    accessibilityFacts: [],
    registrationMode: 'here',
    registrationUrl: null,
    registrationOpensAt: null,
    registrationClosesAt: null,
    sequence: 0,
    previousStartsAt: null,
    status: 'published',
    campaignId: null,
    translations: { en: { slug, title: slug.replace(/-/g, ' '), summary: '', body: '' } },
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

// Monday 29 March 2027, the day after London's clocks go forward (BST, UTC+1), and the same day in Lima (UTC−5).
const AFTER_CLOCKS_CHANGE = event('e2e-talk-after-the-clocks-change', {
  startsAt: new Date('2027-03-29T17:00:00Z'),
  endsAt: new Date('2027-03-29T19:00:00Z'),
});
const IN_LIMA = event('e2e-vigil-in-lima', {
  timeZone: 'America/Lima',
  venue: { name: 'Plaza San Martín', address: 'Cercado de Lima' },
  startsAt: new Date('2027-03-29T23:00:00Z'),
  endsAt: new Date('2027-03-30T01:00:00Z'),
  translations: {
    en: { slug: 'e2e-vigil-in-lima', title: 'Vigil in Lima', summary: '', body: '' },
    es: { slug: 'e2e-vigilia-en-lima', title: 'Vigilia en Lima', summary: '', body: '' },
  },
});
const CANCELLED = event('e2e-cancelled-talk', {
  status: 'cancelled',
  startsAt: new Date('2027-02-01T19:00:00Z'),
  endsAt: new Date('2027-02-01T20:00:00Z'),
});
// Moved from Saturday 27 March 2027 (GMT) to Monday 29 March (BST), both 18:00 London time; its third change.
const RESCHEDULED = event('e2e-rescheduled-screening', {
  status: 'rescheduled',
  startsAt: new Date('2027-03-29T17:00:00Z'),
  endsAt: new Date('2027-03-29T19:00:00Z'),
  previousStartsAt: new Date('2027-03-27T18:00:00Z'),
  sequence: 3,
  translations: {
    en: { slug: 'e2e-rescheduled-screening', title: 'Rescheduled screening', summary: '', body: '' },
    es: {
      slug: 'e2e-proyeccion-con-nueva-fecha',
      title: 'Proyección con nueva fecha',
      summary: '',
      body: '',
    },
  },
});
const DRAFT = event('e2e-draft-talk', {
  status: 'draft',
  startsAt: new Date('2027-02-02T19:00:00Z'),
  endsAt: new Date('2027-02-02T20:00:00Z'),
});

/** Events a test adds itself (see 'leaves the upcoming lists'), removed with the others. */
const ending: Event[] = [];

test.beforeAll(async () => {
  const handle = createDb(process.env.E2E_DATABASE_URL!);
  try {
    for (const e of [AFTER_CLOCKS_CHANGE, IN_LIMA, CANCELLED, RESCHEDULED, DRAFT])
      await insertEvent(handle.db, e);
    await markSiteChanged(handle.db, ['events']);
  } finally {
    await handle.destroy();
  }
});

// The events this spec adds are removed again, so the specs after it see the seeded site.
test.afterAll(async () => {
  const handle = createDb(process.env.E2E_DATABASE_URL!);
  try {
    const ids = [AFTER_CLOCKS_CHANGE, IN_LIMA, CANCELLED, RESCHEDULED, DRAFT, ...ending].map((e) => e.id);
    await handle.db.deleteFrom('event_translations').where('event_id', 'in', ids).execute();
    await handle.db.deleteFrom('events').where('id', 'in', ids).execute();
    await markSiteChanged(handle.db, ['events']);
  } finally {
    await handle.destroy();
  }
});

test('the home page links to the event, whose page reads when, where and in which zone, in both languages', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Screening: the Quipu testimonies' }).click();
  await expect(page).toHaveURL(SCREENING_EN);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Screening: the Quipu testimonies');
  // 18:00 London time on the 17th of next month (the seed's), in the house style, the zone named.
  await expect(page.locator('.event-facts time')).toHaveText(
    /^\w{3} 17 \w+( \d{4})?, 6\.00pm–8\.00pm, London time$/,
  );
  await expect(page.getByText('In person and online')).toBeVisible();
  await expect(page.getByText('25 Red Lion Square, London WC1R 4RL')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Find Conway Hall on OpenStreetMap' })).toHaveAttribute(
    'href',
    'https://www.openstreetmap.org/search?query=Conway%20Hall%2C%2025%20Red%20Lion%20Square%2C%20London%20WC1R%204RL',
  );
  // The accessibility facts in words, then the free text (the seed's since the registration model).
  await expect(page.locator('.access-facts').getByRole('listitem')).toHaveText([
    'Step-free access',
    'Accessible toilet',
    'Hearing loop',
    'Seating',
  ]);
  await expect(page.getByText('Spanish–English interpretation.')).toBeVisible();
  await expect(page.getByText('80 places')).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Justice for women sterilised without consent' }),
  ).toHaveAttribute('href', '/campaigns/justice-for-sterilised-women');
  const data = await jsonLd(page);
  expect(data).toMatchObject({
    '@type': 'Event',
    name: 'Screening: the Quipu testimonies',
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
    organizer: { '@type': 'Organization' },
    offers: { '@type': 'Offer', price: 0 },
  });
  expect(data.startDate).toMatch(/T18:00:00\+0[01]:00$/);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    /Screening: the Quipu testimonies/,
  );

  await page.getByRole('link', { name: 'Lee este evento en español' }).click();
  await expect(page).toHaveURL(SCREENING_ES);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Proyección: los testimonios de Quipu');
  await expect(page.locator('.event-facts time')).toHaveText(
    /^\w{3} 17 de \w+( de \d{4})?, 18\.00–20\.00, hora de Londres$/,
  );
  await expect(page.getByText('Presencial y en línea')).toBeVisible();
  await expect(page.getByText('80 plazas')).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Justicia para las mujeres esterilizadas sin su consentimiento' }),
  ).toHaveAttribute('href', '/es/campaigns/justicia-para-las-mujeres-esterilizadas');
  // The page links back to its English version.
  await expect(page.getByRole('link', { name: 'Read this event in English' })).toHaveAttribute(
    'href',
    SCREENING_EN,
  );
});

test('"Add to calendar" downloads an .ics at the event time in its zone; the feeds list the upcoming events', async ({
  page,
  request,
}) => {
  await page.goto(SCREENING_EN);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Add to calendar' }).click();
  const download = await downloading;
  const file = parseCalendar(await readFile((await download.path())!, 'utf8'));
  expect(file.events).toHaveLength(1);
  const screening = file.events[0]!;
  expect(screening.getFirstPropertyValue('summary')).toBe('Screening: the Quipu testimonies');
  expect(screening.getFirstPropertyValue('url')).toBe(`${SITE_URL}${SCREENING_EN}`);
  expect(screening.getFirstPropertyValue('location')).toBe(
    'Conway Hall, 25 Red Lion Square, London WC1R 4RL',
  );
  expect(screening.getFirstPropertyValue('status')).toBe('CONFIRMED');
  expect(start(screening)).toMatchObject({ tzid: 'Europe/London', wall: '18:00' });
  const uid = screening.getFirstPropertyValue('uid');
  expect(uid).toMatch(/@localhost:3100$/);

  const feed = await getCalendar(request, '/events.ics');
  const byUid = new Map(feed.events.map((v) => [v.getFirstPropertyValue('uid'), v]));
  expect(byUid.has(uid)).toBe(true);
  expect(byUid.get(`${CANCELLED.id}@localhost:3100`)?.getFirstPropertyValue('status')).toBe('CANCELLED');
  expect(byUid.has(`${DRAFT.id}@localhost:3100`)).toBe(false);

  // The Spanish feed: the same event (one UID), its Spanish title and page; English-only events are not in it.
  const spanish = await getCalendar(request, '/es/events.ics');
  const titles = spanish.events.map((v) => v.getFirstPropertyValue('summary'));
  expect(titles).toContain('Proyección: los testimonios de Quipu');
  expect(titles).toContain('Vigilia en Lima');
  expect(titles).not.toContain('e2e cancelled talk');
  const screeningEs = spanish.events.find((v) => v.getFirstPropertyValue('uid') === uid)!;
  expect(screeningEs.getFirstPropertyValue('url')).toBe(`${SITE_URL}${SCREENING_ES}`);

  // Cached like the news feeds: an ETag, and 304 when nothing changed.
  const first = await request.get('/events.ics');
  const etag = first.headers()['etag']!;
  expect(etag).toBeTruthy();
  const again = await request.get('/events.ics', { headers: { 'If-None-Match': etag } });
  expect(again.status()).toBe(304);
});

test('18:00 the day after the clocks change in London, and 18:00 in Lima, on the page, in the JSON-LD and in the .ics', async ({
  page,
  request,
}) => {
  await page.goto(`/events/${AFTER_CLOCKS_CHANGE.translations.en!.slug}`);
  await expect(page.locator('.event-facts time')).toHaveText(
    /^Mon 29 March( 2027)?, 6\.00pm–8\.00pm, London time$/,
  );
  expect((await jsonLd(page)).startDate).toBe('2027-03-29T18:00:00+01:00');
  const london = await getCalendar(
    request,
    `/events/${AFTER_CLOCKS_CHANGE.translations.en!.slug}/calendar.ics`,
  );
  expect(start(london.events[0]!)).toEqual({
    tzid: 'Europe/London',
    wall: '18:00',
    utc: '2027-03-29T17:00:00.000Z',
  });

  await page.goto('/es/events/e2e-vigilia-en-lima');
  await expect(page.locator('.event-facts time')).toHaveText(
    /^lun 29 de marzo( de 2027)?, 18\.00–20\.00, hora de Lima$/,
  );
  const data = await jsonLd(page);
  expect(data.startDate).toBe('2027-03-29T18:00:00-05:00');
  expect(data.endDate).toBe('2027-03-29T20:00:00-05:00');
  const lima = await getCalendar(request, '/es/events/e2e-vigilia-en-lima/calendar.ics');
  expect(start(lima.events[0]!)).toEqual({
    tzid: 'America/Lima',
    wall: '18:00',
    utc: '2027-03-29T23:00:00.000Z',
  });
});

test('a cancelled event says so at the top; a draft or an unknown event is not found', async ({
  page,
  request,
}) => {
  await page.goto(`/events/${CANCELLED.translations.en!.slug}`);
  await expect(page.getByRole('status')).toHaveText('This event has been cancelled.');
  expect((await jsonLd(page)).eventStatus).toBe('https://schema.org/EventCancelled');
  await page.goto('/events');
  await expect(page.getByRole('heading', { name: /Cancelled: e2e cancelled talk/ })).toBeVisible();
  for (const path of [
    `/events/${DRAFT.translations.en!.slug}`,
    `/events/${DRAFT.translations.en!.slug}/calendar.ics`,
    '/events/no-such-event',
    '/es/events/e2e-talk-after-the-clocks-change',
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test('a rescheduled event says so, its JSON-LD names the previous start and its .ics the SEQUENCE, in both languages', async ({
  page,
  request,
}) => {
  await page.goto(`/events/${RESCHEDULED.translations.en!.slug}`);
  await expect(page.getByRole('status')).toHaveText(
    'This event has been rescheduled: the date below is the new one.',
  );
  await expect(page.locator('.event-facts time')).toHaveText(
    /^Mon 29 March( 2027)?, 6\.00pm–8\.00pm, London time$/,
  );
  expect(await jsonLd(page)).toMatchObject({
    eventStatus: 'https://schema.org/EventRescheduled',
    startDate: '2027-03-29T18:00:00+01:00',
    previousStartDate: '2027-03-27T18:00:00+00:00',
  });
  await page.goto(`/es/events/${RESCHEDULED.translations.es!.slug}`);
  await expect(page.getByRole('status')).toHaveText(
    'Este evento ha cambiado de fecha: la que figura abajo es la nueva.',
  );
  expect((await jsonLd(page)).previousStartDate).toBe('2027-03-27T18:00:00+00:00');
  for (const path of [
    `/events/${RESCHEDULED.translations.en!.slug}`,
    `/es/events/${RESCHEDULED.translations.es!.slug}`,
  ]) {
    await expectNoAxeViolations(page, path);
  }
  for (const path of [
    `/events/${RESCHEDULED.translations.en!.slug}/calendar.ics`,
    '/events.ics',
    '/es/events.ics',
  ]) {
    const { events } = await getCalendar(request, path);
    const vevent = events.find((v) => v.getFirstPropertyValue('uid') === `${RESCHEDULED.id}@localhost:3100`);
    expect(vevent?.getFirstPropertyValue('sequence'), path).toBe(3);
    expect(vevent?.getFirstPropertyValue('status'), path).toBe('CONFIRMED');
    expect(start(vevent!), path).toEqual({
      tzid: 'Europe/London',
      wall: '18:00',
      utc: '2027-03-29T17:00:00.000Z',
    });
  }
});

test('an event leaves the upcoming lists the moment it ends, though nothing was published since', async ({
  page,
  request,
}) => {
  // Started an hour ago (so it is the soonest on the home page) and ends in a few seconds.
  const ends = new Date(Date.now() + 10_000);
  const closing = event('e2e-talk-ending-now', {
    startsAt: new Date(ends.getTime() - 3_600_000),
    endsAt: ends,
    translations: { en: { slug: 'e2e-talk-ending-now', title: 'Talk ending now', summary: '', body: '' } },
  });
  ending.push(closing);
  const handle = createDb(process.env.E2E_DATABASE_URL!);
  try {
    await insertEvent(handle.db, closing);
    await markSiteChanged(handle.db, ['events']);
  } finally {
    await handle.destroy();
  }
  const upcoming = page.getByRole('region', { name: 'Upcoming events' });
  const uid = `${closing.id}@localhost:3100`;
  const inFeed = async () =>
    (await getCalendar(request, '/events.ics')).events.some((v) => v.getFirstPropertyValue('uid') === uid);
  // Listed, and served again from the page cache while it runs.
  await page.goto('/events');
  await expect(upcoming.getByRole('link', { name: 'Talk ending now' })).toBeVisible();
  expect((await request.get('/events')).headers()['x-cache']).toBe('hit');
  expect(await inFeed()).toBe(true);
  expect((await request.get('/events.ics')).headers()['x-cache']).toBe('hit');
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Talk ending now' })).toBeVisible();
  // Once it has ended: off the feed (a fresh render, not the kept copy), the upcoming list (now among the past
  // events) and the home page.
  await expect.poll(inFeed, { timeout: 30_000 }).toBe(false);
  expect(Date.now()).toBeGreaterThan(ends.getTime());
  await page.goto('/events');
  await expect(upcoming.getByRole('link', { name: 'Talk ending now' })).toHaveCount(0);
  await expect(
    page.getByRole('region', { name: 'Past events' }).getByRole('link', { name: 'Talk ending now' }),
  ).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Talk ending now' })).toHaveCount(0);
});

test('the online link appears in no public response: pages, JSON-LD, calendar files, feeds, sitemap', async ({
  request,
}) => {
  // The seeded screening has one (so this looks for something that exists).
  const handle = createDb(process.env.E2E_DATABASE_URL!);
  try {
    const row = await handle.db
      .selectFrom('event_translations')
      .innerJoin('events', 'events.id', 'event_translations.event_id')
      .select('events.online_url')
      .where('event_translations.slug', '=', 'screening-the-quipu-testimonies')
      .executeTakeFirstOrThrow();
    expect(row.online_url).toContain(ONLINE_LINK);
  } finally {
    await handle.destroy();
  }
  const paths = [
    '/',
    '/es',
    '/events',
    '/es/events',
    SCREENING_EN,
    SCREENING_ES,
    `${SCREENING_EN}/calendar.ics`,
    `${SCREENING_ES}/calendar.ics`,
    '/events.ics',
    '/es/events.ics',
    '/campaigns/justice-for-sterilised-women',
    '/es/campaigns/justicia-para-las-mujeres-esterilizadas',
    '/sitemap.xml',
    '/feed.xml',
    '/feed.json',
  ];
  for (const path of paths) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(await response.text(), path).not.toContain(ONLINE_LINK);
  }
  // The sitemap lists both languages of the event.
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain(`<loc>${SITE_URL}${SCREENING_EN}</loc>`);
  expect(sitemap).toContain(`<loc>${SITE_URL}${SCREENING_ES}</loc>`);
});

test('the events list and the event page pass axe in both languages, at desktop and phone widths', async ({
  page,
}, testInfo) => {
  await page.goto('/events');
  await expect(page.getByRole('heading', { name: 'Upcoming events' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Past events' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: /main/i }).getByRole('link', { name: 'Events' }),
  ).toBeVisible();
  await page.goto('/es/events');
  await expect(page.getByRole('heading', { name: 'Próximos eventos' })).toBeVisible();
  // In the page's language only: the English-only vigil is not in the Spanish list.
  await expect(page.getByText('Vigil for water defenders')).toHaveCount(0);
  for (const path of ['/events', '/es/events', SCREENING_EN, SCREENING_ES]) {
    await expectNoAxeViolations(page, path);
  }
  for (const [name, width] of [
    ['desktop', 1280],
    ['phone', 390],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    for (const [label, path] of [
      ['list', '/events'],
      ['event', SCREENING_EN],
      ['evento', SCREENING_ES],
    ] as const) {
      await page.goto(path);
      await page.screenshot({ path: testInfo.outputPath(`events-${label}-${name}.png`), fullPage: true });
    }
  }
});
