// The demo seed: builds Ayni's demo content with the domain's own rules. Idempotent — it does nothing when the
// database already has articles (a real organisation's data is never touched, and a second run adds nothing).
import {
  activateMember,
  addDays,
  addMonths,
  canonicalEmail,
  confirmSignature,
  newSignature,
  signingConsents,
  articleEditSchema,
  changeArticleStatus,
  createArticle,
  type Article,
  type ArticleEditInput,
  type ArticlePorts,
  type Campaign,
  type Clock,
  type Event,
  type IdGenerator,
  type Member,
  type MembershipType,
  zonedDateTimeToUtc,
} from '@ayni/domain';
import type { Kysely } from 'kysely';
import { articleRepository } from './repositories/articles.js';
import { ensureTopics, topicRepository } from './repositories/topics.js';
import { insertCampaign, insertSignature, saveSignatureConfirmation } from './repositories/campaigns.js';
import { insertEvent } from './repositories/events.js';
import { insertMember, upsertMembershipType } from './repositories/members.js';
import { saveSettings, settingsRepository } from './repositories/settings.js';
import type { Database } from './schema.js';
import { demoNews, demoNewsEs, demoOrganisation, demoPages, demoPagesEs } from './seed-content.js';

export interface SeedResult {
  seeded: boolean;
  reason?: string;
}

/** Topic names in English and Spanish. */
const topicNames: Record<string, [string, string]> = {
  'labour-rights': ['Labour rights', 'Derechos laborales'],
  'human-rights': ['Human rights', 'Derechos humanos'],
  mining: ['Mining', 'Minería'],
  media: ['Media', 'Medios'],
  'indigenous-peoples': ['Indigenous peoples', 'Pueblos indígenas'],
  'civic-space': ['Civic space', 'Espacio cívico'],
  health: ['Health', 'Salud'],
  'womens-rights': ['Women’s rights', 'Derechos de las mujeres'],
  'consumer-rights': ['Consumer rights', 'Derechos del consumidor'],
  environment: ['Environment', 'Medio ambiente'],
  governance: ['Governance', 'Gobernanza'],
  events: ['Events', 'Eventos'],
};

export async function seedDemo(
  db: Kysely<Database>,
  deps: { clock: Clock; ids: IdGenerator; siteUrl?: string | undefined },
): Promise<SeedResult> {
  const { clock, ids } = deps;
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('articles').select('id').limit(1).executeTakeFirst();
    if (existing) return { seeded: false, reason: 'the database already has articles' };
    const now = clock.now();

    await saveSettings(trx, { ...demoOrganisation, ...(deps.siteUrl ? { siteUrl: deps.siteUrl } : {}) });
    await ensureTopics(
      trx,
      Object.entries(topicNames).map(([slug, [name, nameEs]]) => ({ slug, name, nameEs })),
    );

    // Articles are made and published through the same use cases the admin uses, each on its own date.
    const articlePorts = (at: Date): ArticlePorts => ({
      articles: articleRepository(trx),
      topics: topicRepository(trx),
      settings: settingsRepository(trx).settings,
      clock: { now: () => at },
      ids,
    });
    const draft = async (at: Date, input: ArticleEditInput) =>
      (await createArticle(articlePorts(at), { edit: articleEditSchema.parse(input), authorId: null }))
        .result;
    const publish = async (at: Date, input: ArticleEditInput) => {
      const made = await draft(at, input);
      const ports = articlePorts(at);
      return (
        await changeArticleStatus(ports, { id: made.id, expectedVersion: made.version, action: 'publish' })
      ).result;
    };

    const english: Article[] = [];
    for (const item of demoNews) {
      const at = addDays(now, -item.daysAgo);
      english.push(
        await publish(at, {
          kind: 'news',
          language: 'en',
          title: item.title,
          summary: item.summary,
          body: item.body,
          topics: item.topics,
        }),
      );
    }
    for (const item of demoNewsEs) {
      const original = item.translates === undefined ? undefined : english[item.translates];
      await publish(addDays(now, -item.daysAgo), {
        kind: 'news',
        language: 'es',
        title: item.title,
        summary: item.summary,
        body: item.body,
        topics: item.topics,
        translationId: original?.id ?? null,
      });
    }
    // One draft so the admin has something in that state too.
    await draft(now, {
      kind: 'news',
      language: 'en',
      slug: 'draft-briefing-on-protest-law',
      title: 'Briefing on the new protest law (draft)',
      summary: 'Notes for members of Parliament.',
      body: 'To be completed.',
      topics: ['civic-space'],
    });
    const pages: Article[] = [];
    for (const page of demoPages) {
      pages.push(
        await publish(addDays(now, -400), {
          kind: 'page',
          language: 'en',
          slug: page.slug,
          title: page.title,
          summary: page.summary,
          body: page.body,
          navOrder: page.navOrder,
        }),
      );
    }
    for (const page of demoPagesEs) {
      await publish(addDays(now, -400), {
        kind: 'page',
        language: 'es',
        slug: page.slug,
        title: page.title,
        summary: page.summary,
        body: page.body,
        navOrder: page.navOrder,
        translationId: pages[page.translates]?.id ?? null,
      });
    }

    // A campaign in both languages with a petition, milestones and confirmed signatures: one goal, one count.
    const campaign: Campaign = {
      id: ids.id(),
      status: 'active',
      petition: {
        target: 'The Foreign Secretary',
        signatureGoal: 1000,
        deadline: addDays(now, 90),
      },
      translations: {
        en: {
          slug: 'justice-for-sterilised-women',
          title: 'Justice for women sterilised without consent',
          summary:
            'Ask the UK government to press Peru for reparations for survivors of forced sterilisation.',
          body: 'Thousands of women are still waiting for recognition and reparations.',
          petitionText:
            'We call on the Foreign Secretary to raise reparations for survivors of forced sterilisation with the government of Peru.',
        },
        es: {
          slug: 'justicia-para-las-mujeres-esterilizadas',
          title: 'Justicia para las mujeres esterilizadas sin su consentimiento',
          summary:
            'Pide al gobierno británico que inste al Perú a reparar a las sobrevivientes de la esterilización forzada.',
          body: 'Miles de mujeres siguen esperando reconocimiento y reparaciones.',
          petitionText:
            'Pedimos al Ministro de Asuntos Exteriores del Reino Unido que plantee ante el gobierno del Perú las reparaciones para las sobrevivientes de la esterilización forzada.',
        },
      },
      milestones: [
        {
          id: ids.id(),
          date: addDays(now, -20),
          reached: true,
          reachedAt: addDays(now, -20),
          signatureThreshold: null,
          translations: {
            en: { title: 'Petition launched', description: '' },
            es: { title: 'Lanzamiento de la petición', description: '' },
          },
        },
        {
          id: ids.id(),
          date: null,
          reached: false,
          reachedAt: null,
          signatureThreshold: 500,
          translations: {
            en: { title: '500 signatures', description: 'Letter delivered to the Foreign Office.' },
            es: { title: '500 firmas', description: 'Carta entregada al Ministerio de Asuntos Exteriores.' },
          },
        },
      ],
      closedAt: null,
      closedReason: null,
      createdAt: addDays(now, -20),
      updatedAt: addDays(now, -20),
    };
    await insertCampaign(trx, campaign);
    const signers = [
      ['Ana Quispe', 'ana.quispe@example.org', 'PE', null],
      ['Tom Hughes', 'tom.hughes@example.co.uk', 'GB', 'N1 9GU'],
      ['María Condori', 'maria.condori@example.org', 'PE', null],
      ['Sarah Ellis', 'sarah+petitions@example.com', 'GB', 'BS1 4DJ'],
      ['Jorge Mamani', 'jorge.mamani@example.net', 'PE', null],
    ] as const;
    for (const [i, [name, email, country, postcode]] of signers.entries()) {
      const signedAt = { now: () => addDays(now, -15 + i) };
      const signature = newSignature(
        campaign,
        { name, email, country, postcode, consent: true, updates: i % 2 === 0 },
        {
          clock: signedAt,
          ids,
          consents: signingConsents('en', demoOrganisation.organisationName),
          language: 'en',
          source: i === 1 ? 'partner-newsletter' : null,
        },
      );
      await insertSignature(trx, signature);
      if (i < 4) await saveSignatureConfirmation(trx, confirmSignature(signature, signedAt));
    }

    // Events: one upcoming (in London, 6pm, and streamed) in both languages, one past in English only.
    // 6pm London time on the 17th of next month, whatever the season.
    const nextMonth = addMonths(now, 1);
    const upcomingStart = zonedDateTimeToUtc(
      `${nextMonth.getUTCFullYear()}-${String(nextMonth.getUTCMonth() + 1).padStart(2, '0')}-17T18:00`,
      'Europe/London',
    );
    const events: Event[] = [
      {
        id: ids.id(),
        translations: {
          en: {
            slug: 'screening-the-quipu-testimonies',
            title: 'Screening: the Quipu testimonies',
            summary: 'A documentary screening and conversation with a defender of sterilised women.',
            body: 'Join us for the screening, followed by questions and answers.',
          },
          es: {
            slug: 'proyeccion-los-testimonios-de-quipu',
            title: 'Proyección: los testimonios de Quipu',
            summary: 'Un documental y una conversación con una defensora de las mujeres esterilizadas.',
            body: 'Acompáñanos en la proyección, seguida de preguntas y respuestas.',
          },
        },
        startsAt: upcomingStart,
        endsAt: new Date(upcomingStart.getTime() + 2 * 3600_000),
        timeZone: 'Europe/London',
        venue: { name: 'Conway Hall', address: '25 Red Lion Square, London WC1R 4RL' },
        // Streamed too: the link goes to registrants only, never on a public page (e2e: site.events.spec.ts).
        onlineUrl: 'https://stream.example.org/quipu-screening-7f3a',
        accessibility: 'Spanish–English interpretation.',
        accessibilityFacts: ['step-free', 'accessible-toilet', 'hearing-loop', 'seating'],
        capacity: 80,
        registrationOpen: true,
        registrationMode: 'here',
        registrationUrl: null,
        registrationOpensAt: null,
        registrationClosesAt: null,
        sequence: 0,
        previousStartsAt: null,
        status: 'published',
        // The screening is part of the sterilisation campaign: its page lists it.
        campaignId: campaign.id,
        createdAt: now,
        updatedAt: now,
      },
      {
        id: ids.id(),
        // Written in English only: the other language is optional.
        translations: {
          en: {
            slug: 'vigil-for-water-defenders',
            title: 'Vigil for water defenders',
            summary: 'A vigil outside the embassy for defenders facing charges.',
            body: 'We stood together for the Cajamarca defenders.',
          },
        },
        startsAt: addDays(now, -40),
        endsAt: new Date(addDays(now, -40).getTime() + 3600_000),
        timeZone: 'Europe/London',
        venue: { name: 'Outside the Embassy of Peru', address: '52 Sloane Street, London SW1X 9SP' },
        onlineUrl: null,
        accessibility: 'Outdoors.',
        accessibilityFacts: ['step-free'],
        capacity: null,
        registrationOpen: false,
        registrationMode: 'none',
        registrationUrl: null,
        registrationOpensAt: null,
        registrationClosesAt: null,
        sequence: 0,
        previousStartsAt: null,
        status: 'published',
        campaignId: null,
        createdAt: addDays(now, -60),
        updatedAt: addDays(now, -60),
      },
    ];
    for (const e of events) await insertEvent(trx, e);

    // Membership types and members in several states.
    const types: MembershipType[] = [];
    for (const t of [
      { slug: 'individual', name: 'Individual', annualFee: 2500 },
      { slug: 'concession', name: 'Concession', annualFee: 1000 },
      { slug: 'organisation', name: 'Organisation', annualFee: 6000 },
    ]) {
      types.push(await upsertMembershipType(trx, { id: ids.id(), currency: 'GBP', active: true, ...t }));
    }
    const memberSpecs: [
      string,
      string,
      'en' | 'es',
      number,
      'active' | 'pending' | 'grace' | 'lapsed',
      number,
    ][] = [
      ['Helen Carter', 'helen.carter@example.org', 'en', 0, 'active', -100],
      ['Luis Huamán', 'luis.huaman@example.pe', 'es', 1, 'active', -200],
      ['Peru Solidarity Bristol', 'info@bristol-solidarity.example', 'en', 2, 'active', -300],
      ['Rosa Apaza', 'rosa.apaza@example.org', 'es', 1, 'pending', 0],
      ['David Okafor', 'david.okafor@example.com', 'en', 0, 'grace', -380],
      ['Claire Dubois', 'claire.dubois@example.fr', 'en', 0, 'lapsed', -500],
    ];
    for (const [name, email, language, typeIndex, state, joinedDaysAgo] of memberSpecs) {
      const joined = addDays(now, joinedDaysAgo);
      let member: Member = {
        id: ids.id(),
        name,
        email,
        canonicalEmail: canonicalEmail(email),
        language,
        membershipTypeId: types[typeIndex]!.id,
        status: 'pending',
        joinedAt: null,
        renewsAt: null,
        cancelledAt: null,
        source: 'form',
        consent: {
          statement: 'I agree to the Andes Solidarity Network keeping my details to manage my membership.',
          version: 'membership-2026-1',
          givenAt: joined,
          source: 'form',
        },
        createdAt: joined,
        updatedAt: joined,
      };
      if (state !== 'pending') {
        member = activateMember(member, { now: () => joined });
        // grace and lapsed are what the lifecycle derives once the renewal date has passed.
        if (state !== 'active') member = { ...member, status: state };
      }
      await insertMember(trx, member);
    }
    return { seeded: true };
  });
}
