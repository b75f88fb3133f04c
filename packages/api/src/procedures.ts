// Every procedure of the router with the access it declares (used by the tests that walk the router).
import { appRouter } from './router.js';
import type { ApiMeta } from './trpc.js';

export function proceduresWithMeta(): [string, ApiMeta | undefined][] {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ApiMeta } }>;
  return Object.entries(procedures).map(([path, p]) => [path, p._def.meta]);
}
