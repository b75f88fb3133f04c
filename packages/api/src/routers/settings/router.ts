// The organisation's settings, used by the site and by emails.
import { getSettings } from '@ayni/db';
import { settingsSchema, updateSettings } from '@ayni/domain';
import { settingsPorts } from '../../ports.js';
import { inUnitOfWork, permitted, router } from '../../trpc.js';

export const settingsRouter = router({
  get: permitted('settings:view')
    .output(settingsSchema)
    .query(({ ctx }) => getSettings(ctx.handle.db)),
  update: permitted('settings:edit')
    .input(settingsSchema)
    .output(settingsSchema)
    .mutation(({ ctx, input }) =>
      inUnitOfWork(ctx, (trx) => updateSettings(settingsPorts(trx), { settings: input })),
    ),
});
