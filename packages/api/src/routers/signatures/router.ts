// Petition signatures for staff: the list (filters, newest first, keyset pages), the counts per status, the
// campaigns to filter by; releasing, rejecting and deleting as spam (domain use cases in the unit of work); and the
// CSV export, audited with who asked and for which signatures. The admin server serves the export as a file
// download (apps/admin/server/app.ts) through the `export` procedure, so its guard and audit are this one.
import {
  countSignaturesByStatus,
  findCampaignById,
  getSettings,
  listCampaignChoices,
  listStaffSignatures,
  type StaffSignatureFilter,
} from '@ayni/db';
import {
  campaignChoiceSchema,
  campaignTitle,
  change,
  deleteSignatureAsSpam,
  DomainError,
  formatDateTimeIn,
  rejectSignature,
  releaseSignature,
  signatureCountsSchema,
  signatureListItemSchema,
  signatureStatusSchema,
  utcToZonedDateTime,
  type Campaign,
  type SignatureListItem,
} from '@ayni/domain';
import { z } from 'zod';
import { createdBefore, keysetPage, pageInput, pageOf, readAllPages } from '../../pagination.js';
import { moderationPorts } from '../../ports.js';
import { inUnitOfWork, permitted, router } from '../../trpc.js';
import { signaturesCsv } from './csv.js';

/** What the list and the export filter by; every field optional. */
export const signatureFilterSchema = z.object({
  campaignId: z.string().min(1).max(100).optional(),
  /** Part of the signer's name or email, any case. */
  q: z.string().trim().max(200).optional(),
  status: signatureStatusSchema.optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: 'Country must be a two-letter code such as GB or PE' })
    .optional(),
  source: z.string().trim().max(64).optional(),
  /** Made at or after this moment (the admin sends the start of a day in the organisation's zone). */
  createdFrom: z.date().optional(),
  /** Made before this moment (the start of the day after the last one wanted). */
  createdBefore: z.date().optional(),
});
export type SignatureFilter = z.infer<typeof signatureFilterSchema>;

function dbFilter(f: SignatureFilter): StaffSignatureFilter {
  return {
    ...(f.campaignId ? { campaignId: f.campaignId } : {}),
    ...(f.q ? { search: f.q } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.country ? { country: f.country } : {}),
    ...(f.source ? { source: f.source } : {}),
    ...(f.createdFrom ? { createdFrom: f.createdFrom } : {}),
    ...(f.createdBefore ? { createdBefore: f.createdBefore } : {}),
  };
}

const moderatedSchema = z.object({
  id: z.string().min(1),
  status: signatureStatusSchema,
  /** Release only: whether the confirmation email was queued. */
  emailed: z.boolean(),
});

const idInput = z.object({ id: z.string().min(1).max(100) });

/** Rows read per query while exporting: many signatures leave in one file without one huge query. */
const EXPORT_BATCH = 1000;

/** The filter in words, for the audit log: "status held, search “luz”, made from 1 Dec 2026, 00:00". */
function filterInWords(f: SignatureFilter, timeZone: string): string {
  const parts = [
    f.status ? `status ${f.status}` : null,
    f.q ? `search “${f.q}”` : null,
    f.country ? `country ${f.country}` : null,
    f.source ? `source “${f.source}”` : null,
    f.createdFrom ? `made from ${formatDateTimeIn(f.createdFrom, timeZone)}` : null,
    f.createdBefore ? `made before ${formatDateTimeIn(f.createdBefore, timeZone)}` : null,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function fileName(campaign: Campaign | null, now: Date, timeZone: string): string {
  const slug = campaign ? (campaign.translations.en ?? campaign.translations.es)?.slug : null;
  return `signatures-${slug ?? 'all-campaigns'}-${utcToZonedDateTime(now, timeZone).slice(0, 10)}.csv`;
}

export const signaturesRouter = router({
  list: permitted('signature:view')
    .input(signatureFilterSchema.extend(pageInput(50)))
    .output(pageOf('signatures', signatureListItemSchema))
    .query(async ({ ctx, input }) => {
      const rows = await listStaffSignatures(ctx.handle.db, {
        ...dbFilter(input),
        limit: input.limit + 1,
        before: createdBefore(input.cursor),
      });
      const { page, nextCursor } = keysetPage(rows, input.limit, (s) => s.createdAt);
      return { signatures: page, nextCursor };
    }),

  /** How many signatures stand in each status: one campaign's, or every campaign's. */
  counts: permitted('signature:view')
    .input(z.object({ campaignId: z.string().min(1).max(100).optional() }).optional())
    .output(signatureCountsSchema)
    .query(({ ctx, input }) => countSignaturesByStatus(ctx.handle.db, input?.campaignId)),

  /** The campaigns to filter by, newest first. */
  campaigns: permitted('signature:view')
    .output(z.array(campaignChoiceSchema))
    .query(({ ctx }) => listCampaignChoices(ctx.handle.db)),

  release: permitted('campaign:edit')
    .input(idInput)
    .output(moderatedSchema)
    .mutation(async ({ ctx, input }) => {
      const { signature, emailed } = await inUnitOfWork(ctx, (trx) =>
        releaseSignature(moderationPorts(ctx, trx), { signatureId: input.id }),
      );
      return { id: signature.id, status: signature.status, emailed };
    }),

  reject: permitted('campaign:edit')
    .input(idInput)
    .output(moderatedSchema)
    .mutation(async ({ ctx, input }) => {
      const { signature } = await inUnitOfWork(ctx, (trx) =>
        rejectSignature(moderationPorts(ctx, trx), { signatureId: input.id }),
      );
      return { id: signature.id, status: signature.status, emailed: false };
    }),

  deleteAsSpam: permitted('campaign:edit')
    .input(idInput)
    .output(moderatedSchema)
    .mutation(async ({ ctx, input }) => {
      const { signature } = await inUnitOfWork(ctx, (trx) =>
        deleteSignatureAsSpam(moderationPorts(ctx, trx), { signatureId: input.id }),
      );
      return { id: signature.id, status: signature.status, emailed: false };
    }),

  /**
   * The signatures the filter picks, as CSV, with the audit entry saying who took them and which: a mutation,
   * since it writes that entry. Read in the same transaction as the entry is written.
   */
  export: permitted('signature:export')
    .input(signatureFilterSchema)
    .output(z.object({ fileName: z.string().min(1), csv: z.string(), rows: z.number().int().min(0) }))
    .mutation(({ ctx, input }) =>
      inUnitOfWork(ctx, async (trx) => {
        const campaign = input.campaignId ? await findCampaignById(trx, input.campaignId) : null;
        if (input.campaignId && !campaign) throw new DomainError('NOT_FOUND', 'Campaign not found');
        const { timeZone } = await getSettings(trx);
        const rows = await readAllPages<SignatureListItem>(
          (last) =>
            listStaffSignatures(trx, {
              ...dbFilter(input),
              limit: EXPORT_BATCH,
              ...(last ? { before: { createdAt: last.createdAt, id: last.id } } : {}),
            }),
          EXPORT_BATCH,
        );
        const count = `${rows.length} signature${rows.length === 1 ? '' : 's'}`;
        return change(
          {
            fileName: fileName(campaign, ctx.clock.now(), timeZone),
            csv: signaturesCsv(rows, campaign === null),
            rows: rows.length,
          },
          {
            action: 'signature.export',
            resourceType: 'signature',
            resourceId: campaign?.id ?? null,
            summary: `Exported ${count} ${campaign ? `on “${campaignTitle(campaign)}”` : 'from every campaign'} as CSV${filterInWords(input, timeZone)}`,
          },
        );
      }),
    ),
});
