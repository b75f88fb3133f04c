// The campaign editor's status panel: where it stands (status, count against goal, held signatures, why it
// closed), its pages on the site, and launch / close (with the reason, required) / reopen (with a new deadline
// when the old one has passed), each asking first in the admin's own dialog.
import {
  absoluteUrl,
  campaignPath,
  campaignTitle,
  languagesOf,
  utcToZonedDateTime,
  type CampaignDetail,
  type CampaignStatus,
} from '@ayni/domain';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { languageLabels } from '../articles/labels.js';
import { Field, TextAreaField } from '../Field.js';
import { localToIso, momentInWords, useOrgTime } from '../org-time.js';
import { Link } from '../router.js';
import { fieldErrors, useTRPC } from '../trpc.js';
import { useConfirm } from '../ui/ConfirmDialog.js';
import { ReportRegions, useReport } from '../ui/report.js';
import { campaignStatusLabels } from './labels.js';

const count = new Intl.NumberFormat('en-GB');

export interface StatusChange {
  updatedAt: Date;
  status: CampaignStatus;
  closedReason: string | null;
  deadline?: Date | null;
}

export function StatusPanel({
  campaign,
  status,
  closedReason,
  updatedAt,
  siteUrl,
  timeZone,
  canEdit,
  dirty,
  onChanged,
  onConflict,
}: {
  campaign: CampaignDetail;
  status: CampaignStatus;
  closedReason: string | null;
  updatedAt: Date;
  siteUrl: string;
  timeZone: string;
  canEdit: boolean;
  /** The form has unsaved changes: save them first (a status change is made on the saved copy). */
  dirty: boolean;
  onChanged: (change: StatusChange, notice: string) => void;
  onConflict: (error: unknown) => boolean;
}) {
  const trpc = useTRPC();
  const at = useOrgTime();
  const headingId = useId();
  const { confirm, dialog } = useConfirm();
  const [reason, setReason] = useState('');
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [report, reported] = useReport();
  const launch = useMutation(trpc.campaigns.launch.mutationOptions());
  const close = useMutation(trpc.campaigns.close.mutationOptions());
  const reopen = useMutation(trpc.campaigns.reopen.mutationOptions());
  const busy = launch.isPending || close.isPending || reopen.isPending;
  const name = campaignTitle(campaign);
  const errorsOf = (field: string) => fieldErrors(error)[field];

  async function act(
    question: { title: string; message: string; confirmLabel: string },
    run: () => Promise<StatusChange>,
    done: string,
  ) {
    setError(null);
    report.clear();
    if (!(await confirm(question))) return;
    try {
      const change = await run();
      report.done(done);
      setReason('');
      setDeadline('');
      onChanged(change, done);
    } catch (e) {
      if (onConflict(e)) return;
      setError(e);
      report.failed(e);
    }
  }

  const onLaunch = () =>
    act(
      {
        title: `Launch “${name}”?`,
        message:
          'It appears on the site at once, in every language it is written in, and its petition starts taking signatures.',
        confirmLabel: 'Launch',
      },
      async () => ({ ...(await launch.mutateAsync({ id: campaign.id, updatedAt })), closedReason: null }),
      'Launched: the campaign is on the site.',
    );

  function onClose(event: FormEvent) {
    event.preventDefault();
    void act(
      {
        title: `Close “${name}”?`,
        message: 'Its page shows the final count and your reason, and its petition stops taking signatures.',
        confirmLabel: 'Close the campaign',
      },
      async () => ({
        ...(await close.mutateAsync({ id: campaign.id, updatedAt, reason })),
        closedReason: reason.trim(),
      }),
      'Closed: the campaign’s page shows it closed, with your reason.',
    );
  }

  function onReopen(event: FormEvent) {
    event.preventDefault();
    const newDeadline = deadline ? (localToIso(deadline, timeZone) ?? deadline) : null;
    void act(
      {
        title: `Reopen “${name}”?`,
        message:
          'It is active again: its petition takes signatures and the reason it closed is no longer shown.',
        confirmLabel: 'Reopen',
      },
      async () => {
        const saved = await reopen.mutateAsync({ id: campaign.id, updatedAt, deadline: newDeadline });
        return { ...saved, closedReason: null, ...(newDeadline ? { deadline: new Date(newDeadline) } : {}) };
      },
      'Reopened: the campaign is active again.',
    );
  }

  const pages = status === 'draft' ? [] : languagesOf(campaign.translations);
  return (
    <section className="panel publishing" aria-labelledby={headingId}>
      <h2 id={headingId}>Status</h2>
      <ul className="facts">
        <li>
          <span className={`badge campaign-${status}`}>{campaignStatusLabels[status]}</span>
        </li>
        {campaign.petition ? (
          <li>
            {count.format(campaign.confirmed)} of {count.format(campaign.petition.signatureGoal)} confirmed
            signatures
            {campaign.held ? (
              <>
                {', '}
                <Link to={`/signatures?campaignId=${encodeURIComponent(campaign.id)}&status=held`}>
                  {count.format(campaign.held)} held
                </Link>
              </>
            ) : null}{' '}
            (<Link to={`/signatures?campaignId=${encodeURIComponent(campaign.id)}`}>see the signatures</Link>)
          </li>
        ) : null}
        {status === 'closed' && closedReason ? <li>Closed: {closedReason}</li> : null}
        <li>Last saved {at(updatedAt)}</li>
        {pages.map((l) => {
          const url = absoluteUrl(siteUrl, campaignPath(l, campaign.translations[l]!.slug));
          return (
            <li key={l}>
              On the site in {languageLabels[l]}: <a href={url}>{url}</a>
            </li>
          );
        })}
      </ul>
      {canEdit && dirty ? <p className="hint">Save your changes first to launch, close or reopen.</p> : null}
      {canEdit && status === 'draft' ? (
        <button type="button" disabled={busy || dirty} onClick={() => void onLaunch()}>
          {launch.isPending ? 'Launching…' : 'Launch'}
        </button>
      ) : null}
      {canEdit && status === 'active' ? (
        <form onSubmit={onClose} noValidate aria-label="Close the campaign">
          <TextAreaField
            label="Why it closes"
            name="reason"
            rows={2}
            maxLength={1000}
            hint="Required. Shown on the campaign’s page with the final count: “We delivered the petition on 3 March.”"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            errors={errorsOf('reason')}
          />
          <button type="submit" className="secondary danger" disabled={busy || dirty}>
            {close.isPending ? 'Closing…' : 'Close the campaign'}
          </button>
        </form>
      ) : null}
      {canEdit && status === 'closed' ? (
        <form onSubmit={onReopen} noValidate aria-label="Reopen the campaign">
          {campaign.petition ? (
            <Field
              label="New deadline"
              name="deadline"
              type="datetime-local"
              hint="Needed only when the petition’s deadline has passed; leave empty to keep it."
              description={deadline ? momentInWords('Closes on', deadline, timeZone, at) : undefined}
              value={deadline}
              min={utcToZonedDateTime(new Date(), timeZone)}
              onChange={(e) => setDeadline(e.target.value)}
              errors={errorsOf('deadline')}
            />
          ) : null}
          <button type="submit" className="secondary" disabled={busy || dirty}>
            {reopen.isPending ? 'Reopening…' : 'Reopen'}
          </button>
        </form>
      ) : null}
      <ReportRegions {...reported} />
      {dialog}
    </section>
  );
}
