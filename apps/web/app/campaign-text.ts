// The interface text of the campaign pages (list, hub, signing, confirmation, thanks, unsubscribe), in English and
// Spanish.
// The campaign's own texts come from the database in the page's language; the signing errors from the domain.
import type { Language } from '@ayni/domain/locale';

export interface CampaignText {
  campaigns: string;
  campaignsDescription: (organisation: string) => string;
  activeCampaigns: string;
  closedCampaigns: string;
  noCampaigns: string;
  signatures: (count: string) => string;
  countOfGoal: (count: string, goal: string) => string;
  progressLabel: string;
  deadline: (date: string) => string;
  closedOn: (date: string) => string;
  closedNotice: (count: string) => string;
  petition: string;
  addressedTo: (target: string) => string;
  signHeading: string;
  signIntro: string;
  name: string;
  email: string;
  emailHint: string;
  country: string;
  postcode: string;
  postcodeHint: string;
  optional: string;
  required: string;
  updatesLabel: string;
  signButton: string;
  errorSummary: string;
  notSigned: string;
  milestones: string;
  reached: string;
  next: string;
  updates: string;
  related: string;
  events: string;
  checkEmailTitle: string;
  checkEmailText: string[];
  backToCampaign: (title: string) => string;
  confirmTitle: string;
  confirmIntro: (name: string) => string;
  confirmButton: string;
  confirmNote: string;
  invalidTitle: string;
  invalidText: string;
  signAgain: (title: string) => string;
  seeCampaigns: string;
  closedTitle: string;
  closedText: string;
  thanksTitle: string;
  thanksText: (title: string) => string;
  shareHeading: string;
  shareText: (title: string) => string;
  shareBy: (service: string) => string;
  copyLink: string;
  moreToDo: string;
  otherCampaigns: string;
  comeToAnEvent: string;
  unsubscribeTitle: string;
  unsubscribeIntro: (title: string) => string;
  unsubscribeButton: string;
  unsubscribedTitle: string;
  unsubscribedText: (title: string) => string;
  unsubscribeInvalidText: string;
}

const en: CampaignText = {
  campaigns: 'Campaigns',
  campaignsDescription: (org) => `Campaigns and petitions from ${org}: sign and share.`,
  activeCampaigns: 'Open campaigns',
  closedCampaigns: 'Closed campaigns',
  noCampaigns: 'There are no campaigns yet.',
  signatures: (count) => `${count} signatures`,
  countOfGoal: (count, goal) => `${count} of ${goal} signatures`,
  progressLabel: 'Signatures towards the goal',
  deadline: (date) => `Open until ${date}`,
  closedOn: (date) => `Closed on ${date}`,
  closedNotice: (count) => `This petition is closed. It gathered ${count} signatures.`,
  petition: 'The petition',
  addressedTo: (target) => `To: ${target}`,
  signHeading: 'Sign the petition',
  signIntro: 'No account needed. We will email you a link to confirm your signature.',
  name: 'Your name',
  email: 'Email address',
  emailHint: 'We send the confirmation link here. It is not published.',
  country: 'Country',
  postcode: 'Postcode',
  postcodeHint: 'Optional.',
  optional: 'optional',
  required: 'required',
  updatesLabel: 'Keep me updated about this campaign (optional)',
  signButton: 'Sign the petition',
  errorSummary: 'There is a problem',
  notSigned: 'The petition was not signed',
  milestones: 'Milestones',
  reached: 'Reached',
  next: 'Next',
  updates: 'Updates',
  related: 'Related news',
  events: 'Events',
  checkEmailTitle: 'Check your email',
  checkEmailText: [
    'We have sent an email to the address you gave. Open it and press the button on the page its link opens: your signature counts once you have confirmed it.',
    'If nothing arrives within a few minutes, look in your spam or junk folder.',
  ],
  backToCampaign: (title) => `Back to “${title}”`,
  confirmTitle: 'Confirm your signature',
  confirmIntro: (name) => `You are confirming the signature of ${name} on this petition.`,
  confirmButton: 'Confirm my signature',
  confirmNote: 'Your signature counts once you press the button.',
  invalidTitle: 'This link does not work',
  invalidText:
    'The link may have expired (links work for 30 days), been copied only in part, or the signature may have been removed. You can sign again: it takes a minute.',
  signAgain: (title) => `Sign “${title}” again`,
  seeCampaigns: 'See our campaigns',
  closedTitle: 'This petition has closed',
  closedText: 'It closed before your signature was confirmed, so it was not added. Thank you all the same.',
  thanksTitle: 'Thank you for signing',
  thanksText: (title) => `Your signature on “${title}” is confirmed and counted.`,
  shareHeading: 'Ask others to sign',
  shareText: (title) => `I signed “${title}”. Will you sign too?`,
  shareBy: (service) => `Share by ${service}`,
  copyLink: 'Or copy the link',
  moreToDo: 'What else you can do',
  otherCampaigns: 'Other open campaigns',
  comeToAnEvent: 'Come to an event of this campaign',
  unsubscribeTitle: 'Stop emails about this campaign',
  unsubscribeIntro: (title) =>
    `You asked for news of “${title}” when you signed its petition. Press the button and we will stop emailing you about it. Your signature stays and still counts.`,
  unsubscribeButton: 'Stop emails about this campaign',
  unsubscribedTitle: 'No more emails about this campaign',
  unsubscribedText: (title) =>
    `We will not email you about “${title}” again. Your signature stays and still counts.`,
  unsubscribeInvalidText:
    'The link may have been copied only in part, or the signature it was for may have been removed (we then no longer email you about that campaign). Every email we send about a campaign carries its own link to stop them: try the one in the latest.',
};

const es: CampaignText = {
  campaigns: 'Campañas',
  campaignsDescription: (org) => `Campañas y peticiones de ${org}: firma y comparte.`,
  activeCampaigns: 'Campañas abiertas',
  closedCampaigns: 'Campañas cerradas',
  noCampaigns: 'Todavía no hay campañas.',
  signatures: (count) => `${count} firmas`,
  countOfGoal: (count, goal) => `${count} de ${goal} firmas`,
  progressLabel: 'Firmas para llegar a la meta',
  deadline: (date) => `Abierta hasta el ${date}`,
  closedOn: (date) => `Cerrada el ${date}`,
  closedNotice: (count) => `Esta petición está cerrada. Reunió ${count} firmas.`,
  petition: 'La petición',
  addressedTo: (target) => `Para: ${target}`,
  signHeading: 'Firma la petición',
  signIntro: 'No necesitas una cuenta. Te enviaremos un enlace para confirmar tu firma.',
  name: 'Tu nombre',
  email: 'Correo electrónico',
  emailHint: 'Te enviamos aquí el enlace de confirmación. No se publica.',
  country: 'País',
  postcode: 'Código postal',
  postcodeHint: 'Opcional.',
  optional: 'opcional',
  required: 'obligatorio',
  updatesLabel: 'Quiero recibir noticias de esta campaña (opcional)',
  signButton: 'Firmar la petición',
  errorSummary: 'Hay un problema',
  notSigned: 'La petición no se firmó',
  milestones: 'Hitos',
  reached: 'Alcanzado',
  next: 'Siguiente',
  updates: 'Novedades',
  related: 'Noticias relacionadas',
  events: 'Eventos',
  checkEmailTitle: 'Revisa tu correo',
  checkEmailText: [
    'Te hemos enviado un correo a la dirección que diste. Ábrelo y pulsa el botón de la página que abre su enlace: tu firma cuenta cuando la hayas confirmado.',
    'Si no llega en unos minutos, mira en la carpeta de correo no deseado.',
  ],
  backToCampaign: (title) => `Volver a «${title}»`,
  confirmTitle: 'Confirma tu firma',
  confirmIntro: (name) => `Vas a confirmar la firma de ${name} en esta petición.`,
  confirmButton: 'Confirmar mi firma',
  confirmNote: 'Tu firma cuenta cuando pulses el botón.',
  invalidTitle: 'Este enlace no funciona',
  invalidText:
    'Puede que el enlace haya caducado (funciona 30 días), que se haya copiado solo en parte o que la firma se haya retirado. Puedes volver a firmar: es un minuto.',
  signAgain: (title) => `Volver a firmar «${title}»`,
  seeCampaigns: 'Ver nuestras campañas',
  closedTitle: 'Esta petición se ha cerrado',
  closedText: 'Se cerró antes de que confirmaras tu firma, así que no se ha sumado. Gracias de todos modos.',
  thanksTitle: 'Gracias por firmar',
  thanksText: (title) => `Tu firma en «${title}» está confirmada y contada.`,
  shareHeading: 'Pide a otras personas que firmen',
  shareText: (title) => `He firmado «${title}». ¿Firmas tú también?`,
  shareBy: (service) => `Compartir por ${service}`,
  copyLink: 'O copia el enlace',
  moreToDo: 'Qué más puedes hacer',
  otherCampaigns: 'Otras campañas abiertas',
  comeToAnEvent: 'Ven a un evento de esta campaña',
  unsubscribeTitle: 'Dejar de recibir correos sobre esta campaña',
  unsubscribeIntro: (title) =>
    `Pediste recibir noticias de «${title}» al firmar su petición. Pulsa el botón y dejaremos de escribirte sobre ella. Tu firma se mantiene y sigue contando.`,
  unsubscribeButton: 'Dejar de recibir correos sobre esta campaña',
  unsubscribedTitle: 'No recibirás más correos sobre esta campaña',
  unsubscribedText: (title) =>
    `No volveremos a escribirte sobre «${title}». Tu firma se mantiene y sigue contando.`,
  unsubscribeInvalidText:
    'Puede que el enlace se haya copiado solo en parte o que la firma para la que era se haya retirado (en ese caso ya no te escribimos sobre esa campaña). Cada correo que enviamos sobre una campaña lleva su propio enlace para dejar de recibirlos: prueba el del más reciente.',
};

export function campaignText(lang: Language): CampaignText {
  return lang === 'es' ? es : en;
}
