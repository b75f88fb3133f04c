// The interface text of the event pages (list, event page, calendars), in English and Spanish. The event's own
// texts come from the database in the page's language; its date and zone from the domain (formatEventWhen).
import type { Language } from '@ayni/domain/locale';

export interface EventText {
  events: string;
  eventsDescription: (organisation: string) => string;
  upcoming: string;
  past: string;
  noUpcoming: string;
  cancelled: string;
  cancelledNotice: string;
  rescheduledNotice: string;
  when: string;
  where: string;
  inPerson: string;
  online: string;
  inPersonAndOnline: string;
  onlineNote: string;
  findOnMap: (venue: string) => string;
  accessibility: string;
  placesHeading: string;
  places: (capacity: string) => string;
  placesLeft: (left: string, capacity: string) => string;
  full: (capacity: string) => string;
  partOf: string;
  readTranslation: string;
  addToCalendar: string;
  subscribe: string;
  allEvents: string;
  calendarName: (organisation: string) => string;
}

const en: EventText = {
  events: 'Events',
  eventsDescription: (org) => `Talks, vigils and screenings from ${org}.`,
  upcoming: 'Upcoming events',
  past: 'Past events',
  noUpcoming: 'No events are planned at the moment.',
  cancelled: 'Cancelled',
  cancelledNotice: 'This event has been cancelled.',
  rescheduledNotice: 'This event has been rescheduled: the date below is the new one.',
  when: 'When',
  where: 'Where',
  inPerson: 'In person',
  online: 'Online',
  inPersonAndOnline: 'In person and online',
  onlineNote: 'The link to join online is sent to people who register.',
  findOnMap: (venue) => `Find ${venue} on OpenStreetMap`,
  accessibility: 'Accessibility',
  placesHeading: 'Places',
  places: (capacity) => `${capacity} places`,
  placesLeft: (left, capacity) => `${capacity} places, ${left} left`,
  full: (capacity) => `${capacity} places: full`,
  partOf: 'Part of the campaign',
  readTranslation: 'Lee este evento en español',
  addToCalendar: 'Add to calendar',
  subscribe: 'Subscribe to our events calendar',
  allEvents: 'All events',
  calendarName: (org) => `${org} – Events`,
};

const es: EventText = {
  events: 'Eventos',
  eventsDescription: (org) => `Charlas, vigilias y proyecciones de ${org}.`,
  upcoming: 'Próximos eventos',
  past: 'Eventos pasados',
  noUpcoming: 'Por ahora no hay eventos programados.',
  cancelled: 'Cancelado',
  cancelledNotice: 'Este evento ha sido cancelado.',
  rescheduledNotice: 'Este evento ha cambiado de fecha: la que figura abajo es la nueva.',
  when: 'Cuándo',
  where: 'Dónde',
  inPerson: 'Presencial',
  online: 'En línea',
  inPersonAndOnline: 'Presencial y en línea',
  onlineNote: 'El enlace para participar en línea se envía a quienes se inscriben.',
  findOnMap: (venue) => `Ver ${venue} en OpenStreetMap`,
  accessibility: 'Accesibilidad',
  placesHeading: 'Plazas',
  places: (capacity) => `${capacity} plazas`,
  placesLeft: (left, capacity) => `${capacity} plazas, quedan ${left}`,
  full: (capacity) => `${capacity} plazas: completo`,
  partOf: 'Parte de la campaña',
  readTranslation: 'Read this event in English',
  addToCalendar: 'Añadir al calendario',
  subscribe: 'Suscríbete a nuestro calendario de eventos',
  allEvents: 'Todos los eventos',
  calendarName: (org) => `${org} – Eventos`,
};

export function eventText(lang: Language): EventText {
  return lang === 'es' ? es : en;
}
