// The site's handle on the job queue: it enqueues (signers' and registrants' emails) but never runs jobs: the
// worker sends them.
import path from 'node:path';
import { dataDir, getSettings } from '@ayni/db';
import { systemClock } from '@ayni/domain';
import { allJobs, createMailer, createQueue, type Queue } from '@ayni/jobs';
import pino from 'pino';
import { dbHandle } from './db.server.js';

let queue: Promise<Queue> | undefined;

/** The queue, started on first use. */
export function mailQueue(): Promise<Queue> {
  queue ??= (async () => {
    const handle = dbHandle();
    const logger = pino({ name: 'web', level: process.env.LOG_LEVEL ?? 'info' });
    const q = createQueue({
      handle,
      definitions: allJobs,
      clock: systemClock,
      logger,
      services: { mailer: createMailer({ outboxDir: path.join(dataDir, 'outbox'), logger }) },
      timeZone: (await getSettings(handle.db)).timeZone,
      role: 'producer',
    });
    await q.start();
    return q;
  })();
  return queue;
}
