// The campaign sweepers (issue 13): close each campaign whose petition deadline has passed, through the domain's
// use case in its own unit of work (audited as the worker's, the campaign pages marked changed), and delete old
// signing data in batches of SIGNING_DATA_BATCH rows, each batch its own short transaction. Idempotent: closing is
// a conditional update, and a row deleted once is not there to delete again.
import { campaignRetentionRepositories, listCampaignsPastDeadline, nobody, runUnitOfWork } from '@ayni/db';
import {
  closeCampaignAtDeadline,
  deleteExpiredSignatureLinks,
  deleteUnconfirmedSignatures,
  forgetSigningAddresses,
  SIGNING_ATTEMPT_DAYS,
  UNCONFIRMED_SIGNATURE_DAYS,
  type Change,
  type RetentionPorts,
} from '@ayni/domain';
import type { JobContext } from './define.js';
import type { Sweeper } from './sweep.js';

/** Rows deleted per statement and transaction. */
export const SIGNING_DATA_BATCH = 500;
/**
 * Batches per sweeper per sweep: a backlog (the first run on an old database) is worked off 10,000 rows a minute,
 * so one sweep stays well inside its minute and leaves time for the sweepers after it.
 */
export const SIGNING_DATA_MAX_BATCHES = 20;

export const closeCampaignsAtDeadline: Sweeper = {
  name: 'close-campaigns-at-deadline',
  does: 'close the campaigns whose petition deadline has passed',
  async sweep(ctx) {
    for (const id of await listCampaignsPastDeadline(ctx.db, ctx.clock.now())) {
      const { result: closed } = await runUnitOfWork(ctx.db, { clock: ctx.clock, actor: nobody }, (trx) =>
        closeCampaignAtDeadline(
          { campaigns: campaignRetentionRepositories(trx).campaigns, clock: ctx.clock },
          { id },
        ),
      );
      if (closed) ctx.logger.info({ campaignId: id }, 'Closed a campaign at its deadline');
    }
  },
};

/** Runs one batch delete after another, each in its own unit of work, until a batch is short; the total. */
async function inBatches(
  ctx: JobContext,
  useCase: (ports: RetentionPorts, command: { limit: number }) => Promise<Change<number>>,
): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < SIGNING_DATA_MAX_BATCHES; batch++) {
    const { result: deleted } = await runUnitOfWork(ctx.db, { clock: ctx.clock, actor: nobody }, (trx) =>
      useCase(
        { retention: campaignRetentionRepositories(trx).retention, clock: ctx.clock },
        { limit: SIGNING_DATA_BATCH },
      ),
    );
    total += deleted;
    if (deleted < SIGNING_DATA_BATCH) break;
  }
  return total;
}

export const deleteUnconfirmedSignaturesSweeper: Sweeper = {
  name: 'delete-unconfirmed-signatures',
  does: `delete the unconfirmed signatures older than ${UNCONFIRMED_SIGNATURE_DAYS} days`,
  async sweep(ctx) {
    const deleted = await inBatches(ctx, deleteUnconfirmedSignatures);
    if (deleted > 0) ctx.logger.info({ deleted }, 'Deleted unconfirmed signatures');
  },
};

export const forgetSigningAddressesSweeper: Sweeper = {
  name: 'forget-signing-addresses',
  does: `forget signers’ hashed addresses older than ${SIGNING_ATTEMPT_DAYS} days`,
  async sweep(ctx) {
    const deleted = await inBatches(ctx, forgetSigningAddresses);
    if (deleted > 0) ctx.logger.info({ deleted }, 'Forgot signers’ hashed addresses');
  },
};

export const deleteExpiredSignatureLinksSweeper: Sweeper = {
  name: 'delete-expired-signature-links',
  does: 'delete the confirmation links that have expired',
  async sweep(ctx) {
    const deleted = await inBatches(ctx, deleteExpiredSignatureLinks);
    if (deleted > 0) ctx.logger.info({ deleted }, 'Deleted expired confirmation links');
  },
};

/** In the order they run: signatures before links, as deleting a signature takes its links with it. */
export const campaignSweepers: Sweeper[] = [
  closeCampaignsAtDeadline,
  deleteUnconfirmedSignaturesSweeper,
  forgetSigningAddressesSweeper,
  deleteExpiredSignatureLinksSweeper,
];
