// What every page needs: the organisation's settings and the static pages for the navigation.
import { getSettings, listNavigationPages } from '@ayni/db';
import { db } from './db.server.js';

export async function siteChrome() {
  const [settings, pages] = await Promise.all([getSettings(db()), listNavigationPages(db(), 'en')]);
  return {
    organisationName: settings.organisationName,
    postalAddress: settings.postalAddress,
    timeZone: settings.timeZone,
    pages: pages.map((p) => ({ slug: p.slug, title: p.title })),
  };
}
