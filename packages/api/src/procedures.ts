// Every procedure of the router with the access it declares and whether it declares its output (used by the tests
// that walk the router).
import { appRouter } from './router.js';
import type { ApiMeta } from './trpc.js';

type ProcedureDef = { _def: { meta?: ApiMeta; output?: unknown } };

function procedures(): [string, ProcedureDef][] {
  return Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);
}

export function proceduresWithMeta(): [string, ApiMeta | undefined][] {
  return procedures().map(([path, p]) => [path, p._def.meta]);
}

/** The procedures that return something no `.output()` schema states. */
export function proceduresWithoutOutput(): string[] {
  return procedures()
    .filter(([, p]) => p._def.output === undefined)
    .map(([path]) => path);
}
