// What the editor's parts share: the article as the API gives it, and telling a stale save from other refusals.
import type { AppRouter } from '@ayni/api';
import { TRPCClientError } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';
import { fieldErrors } from '../trpc.js';

export type Loaded = inferRouterOutputs<AppRouter>['articles']['get'];

/** Someone else saved since the form was loaded (not, say, a slug another article uses: that names its field). */
export function isConflict(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data = error.data as { code?: string; domainCode?: string | null } | undefined;
  if (data?.domainCode) return data.domainCode === 'STALE_VERSION';
  return data?.code === 'CONFLICT' && Object.keys(fieldErrors(error)).length === 0;
}
