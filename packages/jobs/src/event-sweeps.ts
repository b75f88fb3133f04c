// The event registration sweepers (issue 14), each through the domain's use case in its own unit of work: release
// the places held by registrations not confirmed within 48 hours (and give them to the waitlist, with the
// promotion emails), send the reminder for events starting within 24 hours (each registrant once: reminded_at),
// and delete access needs 30 days after the event. Idempotent: each one changes only what is still due.
import { nobody, randomIds, registrationRepositories, runUnitOfWork, type Database } from '@ayni/db';
import {
  ACCESS_NEEDS_RETENTION_DAYS,
  deleteOldAccessNeeds,
  REGISTRATION_HOLD_HOURS,
  releaseExpiredHolds,
  REMINDER_HOURS,
  sendRegistrationReminders,
  type Change,
  type RegistrationPorts,
  type RegistrationSweeps,
} from '@ayni/domain';
import type { Kysely } from 'kysely';
import type { JobContext } from './define.js';
import { registrationEmails } from './email/registrations.js';
import type { Sweeper } from './sweep.js';

/** Registrations handled per unit of work, and batches per sweep. */
export const REGISTRATION_SWEEP_BATCH = 200;
const MAX_BATCHES = 20;

type SweepPorts = RegistrationPorts & { sweeps: RegistrationSweeps };

function sweepPorts(trx: Kysely<Database>, ctx: JobContext): SweepPorts {
  return {
    ...registrationRepositories(trx),
    emails: registrationEmails(trx, ctx.queue, { clock: ctx.clock }),
    clock: ctx.clock,
    ids: randomIds,
  };
}

/** Runs `useCase` batch after batch, each in its own unit of work, until one does less than a batch; the total. */
async function inBatches(
  ctx: JobContext,
  useCase: (ports: SweepPorts, command: { limit: number }) => Promise<Change<number>>,
): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const { result } = await runUnitOfWork(ctx.db, { clock: ctx.clock, actor: nobody }, (trx) =>
      useCase(sweepPorts(trx, ctx), { limit: REGISTRATION_SWEEP_BATCH }),
    );
    total += result;
    if (result < REGISTRATION_SWEEP_BATCH) break;
  }
  return total;
}

export const releaseExpiredHoldsSweeper: Sweeper = {
  name: 'release-expired-registration-holds',
  does: `give the places of registrations not confirmed within ${REGISTRATION_HOLD_HOURS} hours to the waitlist`,
  async sweep(ctx) {
    let promoted = 0;
    const released = await inBatches(ctx, async (ports, command) => {
      const done = await releaseExpiredHolds(ports, command);
      promoted += done.result.promoted;
      return { ...done, result: done.result.released };
    });
    if (released > 0) ctx.logger.info({ released, promoted }, 'Released expired registration holds');
  },
};

export const registrationRemindersSweeper: Sweeper = {
  name: 'send-event-reminders',
  does: `remind the registrants of events starting within ${REMINDER_HOURS} hours`,
  async sweep(ctx) {
    const sent = await inBatches(ctx, sendRegistrationReminders);
    if (sent > 0) ctx.logger.info({ sent }, 'Sent event reminders');
  },
};

export const deleteAccessNeedsSweeper: Sweeper = {
  name: 'delete-event-access-needs',
  does: `delete registrants’ access needs ${ACCESS_NEEDS_RETENTION_DAYS} days after their event`,
  async sweep(ctx) {
    const deleted = await inBatches(ctx, deleteOldAccessNeeds);
    if (deleted > 0) ctx.logger.info({ deleted }, 'Deleted access needs of past events');
  },
};

export const eventSweepers: Sweeper[] = [
  releaseExpiredHoldsSweeper,
  registrationRemindersSweeper,
  deleteAccessNeedsSweeper,
];
