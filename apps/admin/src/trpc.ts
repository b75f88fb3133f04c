import type { AppRouter } from '@ayni/api';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import superjson from 'superjson';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export const trpcClient = createTRPCClient<AppRouter>({
  // The server refuses batches of more than 10 calls (MAX_API_BATCH in server/app.ts): split before that.
  links: [httpBatchLink({ url: '/trpc', maxItems: 10, transformer: superjson })],
});

/** Field messages sent by the API's error formatter, keyed by field name. */
export function fieldErrors(error: unknown): Record<string, string[]> {
  if (error instanceof TRPCClientError) {
    const data = error.data as { fieldErrors?: Record<string, string[]> | null } | undefined;
    return data?.fieldErrors ?? {};
  }
  return {};
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Please try again.';
}
