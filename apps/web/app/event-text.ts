// The interface text of the event pages (list, event page, calendars), in English and Spanish. The event's own
// texts come from the database in the page's language; its date and zone from the domain (formatEventWhen).
import type { AccessibilityFact } from '@ayni/domain';
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
  facts: Readonly<Record<AccessibilityFact, string>>;
  register: {
    heading: string;
    intro: string;
    fullIntro: string;
    name: string;
    email: string;
    emailHint: string;
    accessNeeds: string;
    accessNeedsHint: string;
    button: string;
    errorSummary: string;
    elsewhere: string;
    elsewhereLink: string;
    none: string;
    closed: string;
  };
  checkEmailTitle: string;
  checkEmailText: readonly string[];
  backToEvent: (title: string) => string;
  confirmTitle: string;
  confirmIntro: (name: string) => string;
  confirmButton: string;
  linkNote: string;
  confirmedTitle: string;
  confirmedText: (title: string) => string;
  waitlistedTitle: string;
  waitlistedText: (position: string) => string;
  expiredTitle: string;
  expiredText: string;
  cancelledTitle: string;
  cancelledText: string;
  invalidTitle: string;
  invalidText: string;
  cancelTitle: string;
  cancelIntro: (name: string) => string;
  cancelButton: string;
  cancelDoneTitle: string;
  cancelDoneText: (title: string) => string;
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
  facts: {
    'step-free': 'Step-free access',
    'accessible-toilet': 'Accessible toilet',
    'hearing-loop': 'Hearing loop',
    'sign-language': 'Sign-language interpretation',
    captions: 'Captions',
    'quiet-space': 'Quiet space',
    seating: 'Seating',
  },
  register: {
    heading: 'Register',
    intro: 'Registration is free. We email you a link to confirm it.',
    fullIntro: 'The event is full: register to join the waitlist. We will email you if a place comes free.',
    name: 'Your name',
    email: 'Your email address',
    emailHint: 'We send the confirmation link here. It is not published.',
    accessNeeds: 'Access needs (optional)',
    accessNeedsHint: 'Anything we should prepare so that you can take part. Only the organisers read it.',
    button: 'Register',
    errorSummary: 'There is a problem',
    elsewhere: 'Registration for this event is on another site.',
    elsewhereLink: 'Register on the organiser’s site',
    none: 'No registration is needed: just come along.',
    closed: 'Registration for this event is closed.',
  },
  checkEmailTitle: 'Check your email',
  checkEmailText: [
    'We have sent you an email. Open the link in it to confirm your registration.',
    'If it does not arrive within a few minutes, look in your spam folder.',
  ],
  backToEvent: (title) => `Back to “${title}”`,
  confirmTitle: 'Confirm your registration',
  confirmIntro: (name) => `${name}, press the button to confirm your registration for this event.`,
  confirmButton: 'Confirm my registration',
  linkNote: 'Nothing happens until you press the button.',
  confirmedTitle: 'Your registration is confirmed',
  confirmedText: (title) =>
    `You have a place at “${title}”. We have emailed you the details and a calendar file.`,
  waitlistedTitle: 'You are on the waitlist',
  waitlistedText: (position) =>
    `Your email is confirmed. You are number ${position} on the waitlist: we will email you if a place comes free.`,
  expiredTitle: 'Your place was released',
  expiredText:
    'The registration was not confirmed within 48 hours, so the place went to the next person. You can register again.',
  cancelledTitle: 'This registration is cancelled',
  cancelledText: 'You can register again on the event’s page while places last.',
  invalidTitle: 'This link does not work',
  invalidText: 'The link may be incomplete or out of date.',
  cancelTitle: 'Cancel your registration',
  cancelIntro: (name) => `${name}, press the button to cancel your registration for this event.`,
  cancelButton: 'Cancel my registration',
  cancelDoneTitle: 'Your registration is cancelled',
  cancelDoneText: (title) =>
    `We have cancelled your registration for “${title}”. Thank you for letting us know.`,
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
  facts: {
    'step-free': 'Acceso sin escalones',
    'accessible-toilet': 'Baño accesible',
    'hearing-loop': 'Bucle magnético',
    'sign-language': 'Interpretación en lengua de señas',
    captions: 'Subtítulos',
    'quiet-space': 'Espacio tranquilo',
    seating: 'Asientos',
  },
  register: {
    heading: 'Inscríbete',
    intro: 'La inscripción es gratuita. Te enviamos un enlace por correo para confirmarla.',
    fullIntro:
      'El evento está completo: inscríbete para entrar en la lista de espera. Te escribiremos si queda una plaza libre.',
    name: 'Tu nombre',
    email: 'Tu correo electrónico',
    emailHint: 'Te enviamos aquí el enlace de confirmación. No se publica.',
    accessNeeds: 'Necesidades de accesibilidad (opcional)',
    accessNeedsHint: 'Lo que debamos preparar para que puedas participar. Solo lo lee el equipo organizador.',
    button: 'Inscribirme',
    errorSummary: 'Hay un problema',
    elsewhere: 'La inscripción para este evento se hace en otro sitio.',
    elsewhereLink: 'Inscríbete en el sitio de quien lo organiza',
    none: 'No hace falta inscribirse: ven directamente.',
    closed: 'La inscripción para este evento está cerrada.',
  },
  checkEmailTitle: 'Revisa tu correo',
  checkEmailText: [
    'Te hemos enviado un correo. Abre el enlace que contiene para confirmar tu inscripción.',
    'Si no llega en unos minutos, mira en la carpeta de spam.',
  ],
  backToEvent: (title) => `Volver a «${title}»`,
  confirmTitle: 'Confirma tu inscripción',
  confirmIntro: (name) => `${name}, pulsa el botón para confirmar tu inscripción en este evento.`,
  confirmButton: 'Confirmar mi inscripción',
  linkNote: 'No pasa nada hasta que pulses el botón.',
  confirmedTitle: 'Tu inscripción está confirmada',
  confirmedText: (title) =>
    `Tienes plaza en «${title}». Te hemos enviado por correo los detalles y un archivo de calendario.`,
  waitlistedTitle: 'Estás en la lista de espera',
  waitlistedText: (position) =>
    `Tu correo está confirmado. Eres el número ${position} de la lista de espera: te escribiremos si queda una plaza libre.`,
  expiredTitle: 'Tu plaza se liberó',
  expiredText:
    'La inscripción no se confirmó en 48 horas, así que la plaza pasó a la siguiente persona. Puedes volver a inscribirte.',
  cancelledTitle: 'Esta inscripción está cancelada',
  cancelledText: 'Puedes volver a inscribirte en la página del evento mientras queden plazas.',
  invalidTitle: 'Este enlace no funciona',
  invalidText: 'Puede que el enlace esté incompleto o caducado.',
  cancelTitle: 'Cancela tu inscripción',
  cancelIntro: (name) => `${name}, pulsa el botón para cancelar tu inscripción en este evento.`,
  cancelButton: 'Cancelar mi inscripción',
  cancelDoneTitle: 'Tu inscripción está cancelada',
  cancelDoneText: (title) => `Hemos cancelado tu inscripción en «${title}». Gracias por avisarnos.`,
};

export function eventText(lang: Language): EventText {
  return lang === 'es' ? es : en;
}
