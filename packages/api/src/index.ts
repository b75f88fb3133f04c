export { appRouter, createCaller, type AppRouter } from './router.js';
export type { ApiContext, ApiMeta, FieldErrors } from './trpc.js';
