// Every piece of interface text on the public site, in English and Spanish, and dates in the page's language.
// Content (articles, pages) has its own language in the database; addresses come from `@ayni/domain/paths`.
// This module is in the browser bundle, which should not carry zod: from the domain it takes only
// `@ayni/domain/locale`, which has none.
import { localeFor, type Language } from '@ayni/domain/locale';

export type { Language };

export interface Dictionary {
  skipToContent: string;
  mainNavigation: string;
  news: string;
  latestNews: string;
  moreNews: string;
  noNews: string;
  upcomingEvents: string;
  noEvents: string;
  online: string;
  whyJoin: string;
  whyJoinText: string;
  becomeMember: string;
  siteDescription: (organisation: string) => string;
  newsDescription: (organisation: string) => string;
  pageOf: (page: number, pages: number) => string;
  pagination: string;
  previous: string;
  next: string;
  pageNumber: (page: number) => string;
  topics: string;
  topicTitle: (name: string) => string;
  topicDescription: (name: string) => string;
  noTopicNews: string;
  related: string;
  readTranslation: string;
  backToNews: string;
  search: string;
  searchTitle: string;
  searchLabel: string;
  searchButton: string;
  searchPrompt: string;
  searchResultsFor: (count: number, query: string) => string;
  noResults: (query: string) => string;
  searchResults: string;
  switchLanguage: string;
  switchLanguageLabel: string;
  notFoundTitle: string;
  notFoundText: string;
  goneTitle: string;
  goneText: string;
  goToLatest: string;
  errorTitle: string;
  errorText: string;
  rssFeed: (title: string) => string;
  atomFeed: (title: string) => string;
  jsonFeed: (title: string) => string;
  feedsHeading: string;
  subscribe: string;
  partners: string;
  campaigns: string;
  events: string;
  fromOurPartners: string;
  partnersHeading: string;
  partnersIntro: string;
  partnersDescription: (organisation: string) => string;
  noPartnerNews: string;
  allPartnerNews: string;
  externalLink: string;
  via: (source: string) => string;
  byAuthor: (author: string) => string;
}

const en: Dictionary = {
  skipToContent: 'Skip to content',
  mainNavigation: 'Main',
  news: 'News',
  latestNews: 'Latest news',
  moreNews: 'More news',
  noNews: 'No news has been published yet.',
  upcomingEvents: 'Upcoming events',
  noEvents: 'No events are planned at the moment.',
  online: 'Online',
  whyJoin: 'Why join?',
  whyJoinText: 'Keep up with news from our partners, learn about the issues, and support the work.',
  becomeMember: 'Become a member',
  siteDescription: (org) => `News, campaigns and events from ${org}.`,
  newsDescription: (org) => `All the news from ${org}, newest first.`,
  pageOf: (page, pages) => `page ${page} of ${pages}`,
  pagination: 'Pages',
  previous: 'Previous',
  next: 'Next',
  pageNumber: (page) => `Page ${page}`,
  topics: 'Topics',
  topicTitle: (name) => `News about ${name}`,
  topicDescription: (name) => `Our news about ${name}, newest first.`,
  noTopicNews: 'There is no news on this topic yet.',
  related: 'Related news',
  readTranslation: 'Lee este artículo en español',
  backToNews: 'All news',
  search: 'Search',
  searchTitle: 'Search',
  searchLabel: 'Search the news',
  searchButton: 'Search',
  searchPrompt: 'Type a few words to search our news and pages.',
  searchResultsFor: (count, query) => `${count} ${count === 1 ? 'result' : 'results'} for “${query}”`,
  noResults: (query) => `No results for “${query}”. Try other words, or check the spelling.`,
  searchResults: 'Search results',
  switchLanguage: 'Español',
  switchLanguageLabel: 'Leer en español',
  notFoundTitle: 'Page not found',
  notFoundText: 'We could not find the page you asked for. It may have moved.',
  goneTitle: 'This page has been removed',
  goneText: 'The article you are looking for was archived.',
  goToLatest: 'Go to the latest news',
  errorTitle: 'Something went wrong',
  errorText: 'Please try again in a moment.',
  rssFeed: (title) => `${title} (RSS)`,
  atomFeed: (title) => `${title} (Atom)`,
  jsonFeed: (title) => `${title} (JSON Feed)`,
  feedsHeading: 'Follow our news',
  subscribe: 'Subscribe:',
  partners: 'Partners',
  campaigns: 'Campaigns',
  events: 'Events',
  fromOurPartners: 'From our partners',
  partnersHeading: 'News from our partners',
  partnersIntro:
    'What the organisations we work with are publishing, in their own words. Each headline takes you to the partner’s own website.',
  partnersDescription: (org) => `The latest news from the partner organisations of ${org}.`,
  noPartnerNews: 'There is no news from our partners yet.',
  allPartnerNews: 'All news from our partners',
  externalLink: '(external link)',
  via: (source) => `via ${source}`,
  byAuthor: (author) => `by ${author}`,
};

const es: Dictionary = {
  skipToContent: 'Saltar al contenido',
  mainNavigation: 'Principal',
  news: 'Noticias',
  latestNews: 'Últimas noticias',
  moreNews: 'Más noticias',
  noNews: 'Todavía no se ha publicado ninguna noticia.',
  upcomingEvents: 'Próximos eventos',
  noEvents: 'No hay eventos previstos por ahora.',
  online: 'En línea',
  whyJoin: '¿Por qué asociarse?',
  whyJoinText:
    'Manténgase al día con las noticias de nuestras contrapartes, conozca los temas y apoye nuestro trabajo.',
  becomeMember: 'Hágase socio',
  siteDescription: (org) => `Noticias, campañas y eventos de ${org}.`,
  newsDescription: (org) => `Todas las noticias de ${org}, de la más reciente a la más antigua.`,
  pageOf: (page, pages) => `página ${page} de ${pages}`,
  pagination: 'Páginas',
  previous: 'Anterior',
  next: 'Siguiente',
  pageNumber: (page) => `Página ${page}`,
  topics: 'Temas',
  topicTitle: (name) => `Noticias sobre ${name}`,
  topicDescription: (name) => `Nuestras noticias sobre ${name}, de la más reciente a la más antigua.`,
  noTopicNews: 'Todavía no hay noticias sobre este tema.',
  related: 'Noticias relacionadas',
  readTranslation: 'Read this article in English',
  backToNews: 'Todas las noticias',
  search: 'Buscar',
  searchTitle: 'Buscar',
  searchLabel: 'Buscar en las noticias',
  searchButton: 'Buscar',
  searchPrompt: 'Escriba algunas palabras para buscar en nuestras noticias y páginas.',
  searchResultsFor: (count, query) => `${count} ${count === 1 ? 'resultado' : 'resultados'} para «${query}»`,
  noResults: (query) =>
    `No hay resultados para «${query}». Pruebe con otras palabras o revise la ortografía.`,
  searchResults: 'Resultados de la búsqueda',
  switchLanguage: 'English',
  switchLanguageLabel: 'Read in English',
  notFoundTitle: 'Página no encontrada',
  notFoundText: 'No encontramos la página que buscaba. Es posible que se haya movido.',
  goneTitle: 'Esta página ya no está disponible',
  goneText: 'El artículo que busca fue archivado.',
  goToLatest: 'Ir a las últimas noticias',
  errorTitle: 'Algo salió mal',
  errorText: 'Vuelva a intentarlo en un momento.',
  rssFeed: (title) => `${title} (RSS)`,
  atomFeed: (title) => `${title} (Atom)`,
  jsonFeed: (title) => `${title} (JSON Feed)`,
  feedsHeading: 'Siga nuestras noticias',
  subscribe: 'Suscribirse:',
  // "Contrapartes", as in whyJoinText: "socios" already means members on this site ("Hágase socio").
  partners: 'Contrapartes',
  campaigns: 'Campañas',
  events: 'Eventos',
  fromOurPartners: 'De nuestras contrapartes',
  partnersHeading: 'Noticias de nuestras contrapartes',
  partnersIntro:
    'Lo que publican las organizaciones con las que trabajamos, en sus propias palabras. Cada titular le lleva al sitio web de la organización.',
  partnersDescription: (org) => `Las últimas noticias de las organizaciones contrapartes de ${org}.`,
  noPartnerNews: 'Todavía no hay noticias de nuestras contrapartes.',
  allPartnerNews: 'Todas las noticias de nuestras contrapartes',
  externalLink: '(enlace externo)',
  via: (source) => `vía ${source}`,
  byAuthor: (author) => `por ${author}`,
};

const dictionaries: Readonly<Record<Language, Dictionary>> = { en, es };

export function t(lang: Language): Dictionary {
  return dictionaries[lang];
}

/** "26 November 2026" / "26 de noviembre de 2026", in the organisation's time zone. */
export function formatDate(date: Date | string, lang: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(localeFor[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(date));
}
