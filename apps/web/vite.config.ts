import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';

// English pages come from the file routes in app/routes; Spanish ones are the same modules under a static
// `es/` prefix (each module reads the language from the URL). A static segment keeps `/es/…` from competing with
// `/:slug` for static pages, which an optional `($lang)` segment would do.
const spanishRoutes: [path: string, file: string, index?: boolean][] = [
  ['es', 'routes/_index.tsx', true],
  ['es/news', 'routes/news._index.tsx', true],
  ['es/news/:slug', 'routes/news.$slug.tsx'],
  ['es/topics/:slug', 'routes/topics.$slug._index.tsx', true],
  ['es/topics/:slug/feed.xml', 'routes/topics.$slug.feed[.]xml.tsx'],
  ['es/topics/:slug/atom.xml', 'routes/topics.$slug.atom[.]xml.tsx'],
  ['es/topics/:slug/feed.json', 'routes/topics.$slug.feed[.]json.tsx'],
  ['es/search', 'routes/search.tsx'],
  ['es/campaigns', 'routes/campaigns._index.tsx', true],
  ['es/campaigns/confirm/:token', 'routes/campaigns.confirm.$token.tsx'],
  ['es/campaigns/:slug', 'routes/campaigns.$slug._index.tsx', true],
  ['es/campaigns/:slug/check-email', 'routes/campaigns.$slug.check-email.tsx'],
  ['es/campaigns/:slug/thanks', 'routes/campaigns.$slug.thanks.tsx'],
  ['es/campaigns/:slug/count.json', 'routes/campaigns.$slug.count[.]json.tsx'],
  ['es/campaigns/:slug/embed', 'routes/campaigns.$slug.embed.tsx'],
  ['es/events', 'routes/events._index.tsx', true],
  ['es/events/confirm/:token', 'routes/events.confirm.$token.tsx'],
  ['es/events/cancel/:token', 'routes/events.cancel.$token.tsx'],
  ['es/events/:slug', 'routes/events.$slug._index.tsx', true],
  ['es/events/:slug/check-email', 'routes/events.$slug.check-email.tsx'],
  ['es/events/:slug/calendar.ics', 'routes/events.$slug.calendar[.]ics.tsx'],
  ['es/events.ics', 'routes/events[.]ics.tsx'],
  ['es/unsubscribe/:token', 'routes/unsubscribe.$token.tsx'],
  ['es/partners', 'routes/partners._index.tsx', true],
  ['es/partners/feed.xml', 'routes/partners.feed[.]xml.tsx'],
  ['es/feed.xml', 'routes/feed[.]xml.tsx'],
  ['es/atom.xml', 'routes/atom[.]xml.tsx'],
  ['es/feed.json', 'routes/feed[.]json.tsx'],
  ['es/:slug', 'routes/$slug.tsx'],
];

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
      routes: (defineRoutes) =>
        defineRoutes((route) => {
          for (const [path, file, index] of spanishRoutes) {
            route(path, file, { id: `es/${file.replace(/\.tsx$/, '')}`, ...(index ? { index: true } : {}) });
          }
        }),
    }),
  ],
  // Workspace packages are built to dist and loaded by Node at run time, so native modules (better-sqlite3)
  // and import.meta.url-based paths stay intact instead of being bundled into the server build.
  ssr: { external: ['@ayni/db', '@ayni/domain', '@ayni/jobs'] },
  server: { port: 5173 },
});
