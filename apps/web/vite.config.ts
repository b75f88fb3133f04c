import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';

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
    }),
  ],
  // Workspace packages are built to dist and loaded by Node at run time, so native modules (better-sqlite3)
  // and import.meta.url-based paths stay intact instead of being bundled into the server build.
  ssr: { external: ['@ayni/db', '@ayni/domain'] },
  server: { port: 5173 },
});
