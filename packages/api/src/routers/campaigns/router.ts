// Campaigns in the admin: the list (status filter, keyset pages, exact counts), one campaign as its editor opens
// it, create and edit (with the updatedAt check, so two staff saving at once do not overwrite each other), launch,
// close with a reason, reopen, the story's preview, and the news items the editor's pickers offer. Each write is a domain use case
// (packages/domain/src/campaigns/editing.ts) in the unit of work (audit entry and what changed).
import { findCampaignDetail, listArticleChoices, listStaffCampaigns } from '@ayni/db';
import {
  DomainError,
  articleChoiceSchema,
  campaignDetailSchema,
  campaignEditSchema,
  campaignListItemSchema,
  campaignStatusSchema,
  closeCampaign,
  createCampaign,
  dateInputSchema,
  languageSchema,
  launchCampaign,
  reopenCampaign,
  requiredText,
  saveCampaignEdits,
} from '@ayni/domain';
import { renderMarkdown } from '@ayni/domain/markdown';
import { z } from 'zod';
import { createdBefore, keysetPage, pageInput, pageOf } from '../../pagination.js';
import { campaignEditingPorts } from '../../ports.js';
import { inUnitOfWork, permitted, router } from '../../trpc.js';

/** Which copy a write was made on: the campaign's id and the updatedAt the editor opened. */
const copyInput = z.object({ id: z.string().min(1).max(100), updatedAt: z.date() });

/** What an editor needs after a save to save again. */
const savedSchema = z.object({
  id: z.string().min(1),
  updatedAt: z.date(),
  status: campaignStatusSchema,
});

const saved = (c: { id: string; updatedAt: Date; status: z.infer<typeof campaignStatusSchema> }) => ({
  id: c.id,
  updatedAt: c.updatedAt,
  status: c.status,
});

export const campaignsRouter = router({
  list: permitted('campaign:view')
    .input(z.object({ status: campaignStatusSchema.optional(), ...pageInput(25) }))
    .output(pageOf('campaigns', campaignListItemSchema))
    .query(async ({ ctx, input }) => {
      const rows = await listStaffCampaigns(ctx.handle.db, {
        ...(input.status ? { status: input.status } : {}),
        limit: input.limit + 1,
        before: createdBefore(input.cursor),
      });
      const { page, nextCursor } = keysetPage(rows, input.limit, (c) => c.createdAt);
      return { campaigns: page, nextCursor };
    }),

  get: permitted('campaign:view')
    .input(z.object({ id: z.string().min(1).max(100) }))
    .output(campaignDetailSchema)
    .query(async ({ ctx, input }) => {
      const detail = await findCampaignDetail(ctx.handle.db, input.id);
      if (!detail) throw new DomainError('NOT_FOUND', 'Campaign not found');
      return detail;
    }),

  create: permitted('campaign:edit')
    .input(campaignEditSchema)
    .output(savedSchema)
    .mutation(async ({ ctx, input }) => {
      const { campaign } = await inUnitOfWork(ctx, (trx) =>
        createCampaign(campaignEditingPorts(ctx, trx), { edit: input }),
      );
      return saved(campaign);
    }),

  update: permitted('campaign:edit')
    .input(campaignEditSchema.safeExtend(copyInput.shape))
    .output(savedSchema)
    .mutation(async ({ ctx, input: { id, updatedAt, ...edit } }) => {
      const { campaign } = await inUnitOfWork(ctx, (trx) =>
        saveCampaignEdits(campaignEditingPorts(ctx, trx), { id, expectedUpdatedAt: updatedAt, edit }),
      );
      return saved(campaign);
    }),

  launch: permitted('campaign:edit')
    .input(copyInput)
    .output(savedSchema)
    .mutation(async ({ ctx, input }) =>
      saved(
        await inUnitOfWork(ctx, (trx) =>
          launchCampaign(campaignEditingPorts(ctx, trx), {
            id: input.id,
            expectedUpdatedAt: input.updatedAt,
          }),
        ),
      ),
    ),

  close: permitted('campaign:edit')
    .input(copyInput.extend({ reason: requiredText('Reason', 1000) }))
    .output(savedSchema)
    .mutation(async ({ ctx, input }) =>
      saved(
        await inUnitOfWork(ctx, (trx) =>
          closeCampaign(campaignEditingPorts(ctx, trx), {
            id: input.id,
            expectedUpdatedAt: input.updatedAt,
            reason: input.reason,
          }),
        ),
      ),
    ),

  reopen: permitted('campaign:edit')
    .input(copyInput.extend({ deadline: dateInputSchema('Deadline').nullable().optional() }))
    .output(savedSchema)
    .mutation(async ({ ctx, input }) =>
      saved(
        await inUnitOfWork(ctx, (trx) =>
          reopenCampaign(campaignEditingPorts(ctx, trx), {
            id: input.id,
            expectedUpdatedAt: input.updatedAt,
            deadline: input.deadline ?? null,
          }),
        ),
      ),
    ),

  /** The story as the site shows it, rendered by the site's own function (the editor's preview). */
  preview: permitted('campaign:edit')
    .input(z.object({ body: z.string().max(200_000) }))
    .output(z.object({ html: z.string() }))
    .mutation(({ input }) => ({ html: renderMarkdown(input.body) })),

  /** News items for the related-articles and updates pickers, newest first, by part of the title. */
  articleChoices: permitted('campaign:view')
    .input(
      z.object({ q: z.string().trim().max(200).optional(), language: languageSchema.optional() }).optional(),
    )
    .output(z.array(articleChoiceSchema))
    .query(({ ctx, input }) =>
      listArticleChoices(ctx.handle.db, {
        ...(input?.q ? { search: input.q } : {}),
        ...(input?.language ? { language: input.language } : {}),
        limit: 20,
      }),
    ),
});
