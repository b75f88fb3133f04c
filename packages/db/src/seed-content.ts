// Ayni's demo content: an imaginary UK solidarity group working with partners in Peru. Written for Ayni; the
// shape (short dated news, static pages, an event, a call to join) follows the kind of site Ayni runs.
export interface DemoArticle {
  title: string;
  summary: string;
  body: string;
  topics: string[];
  daysAgo: number;
}

export const demoOrganisation = {
  organisationName: 'Andes Solidarity Network',
  postalAddress: '12 Example Yard, London N1 0AA, United Kingdom',
  siteUrl: 'http://localhost:3000',
  defaultLanguage: 'en' as const,
  timeZone: 'Europe/London',
  contactEmail: 'hello@andes-solidarity.example',
};

export const demoNews: DemoArticle[] = [
  {
    title: 'Textile workshop collapse puts subcontracting in the spotlight',
    summary:
      'Two seamstresses were injured when an unlicensed workshop in Gamarra gave way. Unions say the garment chain hides who is responsible.',
    body: 'The building had been refused a safety certificate twice.\n\nLocal unions are calling for a public register of subcontractors, so that brands can no longer say they did not know where their clothes were sewn.\n\n## What we are asking\n\n- a public register of workshops\n- inspections that arrive without warning\n- compensation paid by the brands at the top of the chain',
    topics: ['labour-rights'],
    daysAgo: 1,
  },
  {
    title: 'Water defenders in Cajamarca acquitted after eight years',
    summary:
      'A court in Cajamarca cleared five campesino leaders charged over a 2018 road blockade against a reservoir project.',
    body: 'The defence showed that the prosecution rested on a single police report.\n\nOur partners at the regional human-rights office followed the case from the first hearing. The acquittal is welcome, but eight years under charge took a heavy toll on the families.',
    topics: ['human-rights', 'mining'],
    daysAgo: 3,
  },
  {
    title: 'Quechua radio network wins press freedom award',
    summary:
      'A community radio network broadcasting in Quechua and Aymara was recognised for reporting on water contamination.',
    body: 'The network runs eleven stations across the southern highlands, most of them staffed by volunteers.',
    topics: ['media', 'indigenous-peoples'],
    daysAgo: 6,
  },
  {
    title: 'Congress debates a bill to restrict foreign-funded NGOs',
    summary:
      'Civil-society groups warn that new reporting rules would let the government block projects it dislikes.',
    body: 'The bill would require prior approval for any activity funded from abroad.\n\nHuman-rights organisations say it could be used against groups that support victims in court.',
    topics: ['civic-space'],
    daysAgo: 9,
  },
  {
    title: 'Lead levels in Oroya children still above safe limits',
    summary:
      'New blood tests show most children tested in La Oroya have lead levels well above the WHO reference value.',
    body: 'Families have waited years for the health programme that the courts ordered.\n\nWe will be raising the findings with the Foreign Office this month.',
    topics: ['health', 'mining'],
    daysAgo: 12,
  },
  {
    title: 'Survivors of forced sterilisation take their case to Geneva',
    summary:
      'A delegation of women from Piura and Cusco will present testimony to a United Nations committee next month.',
    body: 'More than 270,000 women were sterilised under a 1990s family-planning programme, many without informed consent.\n\nThe delegation is asking for reparations and a public apology.',
    topics: ['human-rights', 'womens-rights'],
    daysAgo: 15,
  },
  {
    title: 'National plan on human trafficking: what has changed?',
    summary: 'Halfway through the national plan, our partners review which promises have turned into action.',
    body: 'Shelters remain scarce outside Lima, and prosecutions are still rare.\n\nThe review recommends a dedicated budget line for each region.',
    topics: ['labour-rights'],
    daysAgo: 19,
  },
  {
    title: 'Food labelling watchdog fines dairy giant',
    summary:
      'The consumer authority fined a dairy company for selling a milk blend under a label that suggested pure milk.',
    body: 'Consumer groups welcomed the fine but said it is small compared with the company’s profits.',
    topics: ['consumer-rights'],
    daysAgo: 23,
  },
  {
    title: 'Amazon oil spill: clean-up still unfinished a year on',
    summary: 'Communities on the Marañón river say contaminated soil has only been moved, not removed.',
    body: 'Fishing remains unsafe in two of the affected tributaries.',
    topics: ['environment', 'indigenous-peoples'],
    daysAgo: 27,
  },
  {
    title: 'Public procurement audit questions airport contract',
    summary:
      'The comptroller’s office found that a revised airport contract shifted costs from the builder to the state.',
    body: 'Two ministers have disagreed in public about who approved the changes.',
    topics: ['governance'],
    daysAgo: 31,
  },
  {
    title: 'Members’ evening: a report from Puno',
    summary:
      'Thank you to everyone who came to hear our partners from Puno speak about their work with lake communities.',
    body: 'Recordings of the talks will be shared with members next week.',
    topics: ['events'],
    daysAgo: 36,
  },
];

export const demoNewsEs: (DemoArticle & { translates?: number })[] = [
  {
    title: 'Defensores del agua de Cajamarca absueltos tras ocho años',
    summary:
      'Un tribunal de Cajamarca absolvió a cinco dirigentes campesinos acusados por un bloqueo de 2018.',
    body: 'La defensa demostró que la acusación se basaba en un solo informe policial.',
    topics: ['human-rights', 'mining'],
    daysAgo: 3,
    translates: 1,
  },
  {
    title: 'Esterilización forzada: las sobrevivientes llevan su caso a Ginebra',
    summary: 'Una delegación de mujeres de Piura y Cusco presentará su testimonio ante un comité de la ONU.',
    body: 'Más de 270 000 mujeres fueron esterilizadas en los años noventa, muchas sin consentimiento informado.',
    topics: ['human-rights', 'womens-rights'],
    daysAgo: 15,
    translates: 5,
  },
  {
    title: 'Radio comunitaria quechua recibe premio a la libertad de prensa',
    summary:
      'Una red de radios que transmite en quechua y aimara fue reconocida por informar sobre la contaminación del agua.',
    body: 'La red tiene once emisoras en el sur andino, la mayoría con personal voluntario.',
    topics: ['media', 'indigenous-peoples'],
    daysAgo: 6,
    translates: 2,
  },
];

export const demoPages = [
  {
    title: 'Our aims',
    slug: 'aims',
    navOrder: 1,
    summary: 'Why the Andes Solidarity Network exists and what we work for.',
    body: 'We work for human rights, social inclusion and sustainable development in Peru.\n\nWe listen to our partners, publish what they tell us, and take their concerns to people with the power to act in the United Kingdom and in Peru.',
  },
  {
    title: 'History',
    slug: 'history',
    navOrder: 2,
    summary: 'A short history of Peru’s recent past and of our network.',
    body: 'Peru’s twentieth century was marked by military governments and an internal armed conflict in which tens of thousands died.\n\nOur network began in 1998 as a group of volunteers supporting families of the disappeared.',
  },
  {
    title: 'Human rights',
    slug: 'human-rights',
    navOrder: 3,
    summary: 'The human-rights issues we follow most closely.',
    body: 'Accountability for past abuses, the right to protest, indigenous peoples’ rights to their land and water, and reparations for survivors of forced sterilisation.',
  },
  {
    title: 'Join us',
    slug: 'join-us',
    navOrder: 4,
    summary: 'Become a member of the Andes Solidarity Network.',
    body: '## Why join?\n\n- Keep up with news from our partners in Peru\n- Learn about poverty, development and human rights\n- Support our work with your membership fee\n\nMembership costs £25 a year, £10 concessions, and £60 for organisations.',
  },
];

/** The pages in Spanish; `translates` is the index of the English page in demoPages. */
export const demoPagesEs = [
  {
    translates: 0,
    title: 'Nuestros objetivos',
    slug: 'objetivos',
    navOrder: 1,
    summary: 'Por qué existe la Red de Solidaridad Andina y por qué trabajamos.',
    body: 'Trabajamos por los derechos humanos, la inclusión social y el desarrollo sostenible en el Perú.\n\nEscuchamos a nuestras contrapartes, publicamos lo que nos cuentan y llevamos sus preocupaciones a quienes tienen el poder de actuar en el Reino Unido y en el Perú.',
  },
  {
    translates: 1,
    title: 'Historia',
    slug: 'historia',
    navOrder: 2,
    summary: 'Una breve historia del pasado reciente del Perú y de nuestra red.',
    body: 'El siglo veinte del Perú estuvo marcado por gobiernos militares y un conflicto armado interno en el que murieron decenas de miles de personas.\n\nNuestra red nació en 1998 como un grupo de voluntarios que apoyaba a las familias de las personas desaparecidas.',
  },
  {
    translates: 2,
    title: 'Derechos humanos',
    slug: 'derechos-humanos',
    navOrder: 3,
    summary: 'Los temas de derechos humanos que seguimos más de cerca.',
    body: 'La rendición de cuentas por los abusos del pasado, el derecho a la protesta, los derechos de los pueblos indígenas a su tierra y su agua, y la reparación para las sobrevivientes de las esterilizaciones forzadas.',
  },
  {
    translates: 3,
    title: 'Únete',
    slug: 'unete',
    navOrder: 4,
    summary: 'Hazte miembro de la Red de Solidaridad Andina.',
    body: '## ¿Por qué unirte?\n\n- Mantente al día con las noticias de nuestras contrapartes en el Perú\n- Aprende sobre pobreza, desarrollo y derechos humanos\n- Apoya nuestro trabajo con tu cuota de membresía\n\nLa membresía cuesta £25 al año, £10 con descuento y £60 para organizaciones.',
  },
];
