// A worker process for the SIGKILL test: runs the effect job on DATABASE_URL until it is killed or stopped.
import { createDb } from '@ayni/db';
import type { JobDefinition } from '../define.js';
import { effectJob } from './effect-job.js';
import { testQueue } from './helpers.js';

const handle = createDb(process.env.DATABASE_URL);
const queue = testQueue(handle, [effectJob as unknown as JobDefinition], { leaseSeconds: 2 });
await queue.start();
await queue.work({ concurrency: 4 });
console.log('worker ready');
process.on('SIGTERM', () => {
  void queue
    .stop(5_000)
    .then(() => handle.destroy())
    .then(() => process.exit(0));
});
