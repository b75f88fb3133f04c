// For other packages' tests: a queue that only enqueues (as the admin's does), on a test database; a real SMTP
// server in the process and a logger that keeps its lines (testing/smtp.ts).
import type { DbHandle } from '@ayni/db';
import type { Clock } from '@ayni/domain';
import pino from 'pino';
import { createQueue } from './create-queue.js';
import { createMailer } from './email/transport.js';
import type { Queue } from './queue.js';
import { allJobs } from './registry.js';

export { waitFor } from './testing/helpers.js';
export { capturingLogger, startTestSmtp, type TestSmtp } from './testing/smtp.js';

/** A started producer queue with every job defined; stop it in afterAll. */
export async function startProducerQueue(handle: DbHandle, clock: Clock): Promise<Queue> {
  const logger = pino({ level: 'silent' });
  const queue = createQueue({
    handle,
    definitions: allJobs,
    clock,
    logger,
    services: { mailer: createMailer({ outboxDir: '/nonexistent', logger }) },
    timeZone: 'Europe/London',
    role: 'producer',
  });
  await queue.start();
  return queue;
}
