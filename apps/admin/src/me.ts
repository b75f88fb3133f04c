// The signed-in member of staff as the API's `account.me` returns it: one type for every page that needs it.
import type { AppRouter } from '@ayni/api';
import type { inferRouterOutputs } from '@trpc/server';

export type Me = inferRouterOutputs<AppRouter>['account']['me'];
