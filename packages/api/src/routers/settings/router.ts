// The organisation's settings, used by the site and by emails.
import { getSettings, saveSettings } from '@ayni/db';
import { settingsSchema } from '@ayni/domain';
import { audit, permitted, router } from '../../trpc.js';

export const settingsRouter = router({
  get: permitted('settings:view').query(({ ctx }) => getSettings(ctx.handle.db)),
  update: permitted('settings:edit')
    .input(settingsSchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.handle.db.transaction().execute(async (trx) => {
        const before = await getSettings(trx);
        const changed = (Object.keys(input) as (keyof typeof input)[]).filter((k) => before[k] !== input[k]);
        await saveSettings(trx, input);
        await audit(
          ctx,
          {
            action: 'settings.update',
            resourceType: 'settings',
            summary: changed.length ? `Changed ${changed.join(', ')}` : 'Saved the settings without changes',
          },
          trx,
        );
      });
      return getSettings(ctx.handle.db);
    }),
});
