// The event editor's status panel: where it stands (status, registrations, the start before a reschedule), its
// pages on the site, and publish / unpublish / cancel / reschedule (a new start and end in the event's zone), each
// asking first in the admin's own dialog — cancelling and rescheduling say that everyone registered is emailed.
import {
  absoluteUrl,
  eventPath,
  eventTitle,
  formatDateTimeIn,
  languagesOf,
  utcToZonedDateTime,
  type EventDetail,
  type EventStatus,
} from '@ayni/domain';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { languageLabels } from '../articles/labels.js';
import { Field } from '../Field.js';
import { localToIso } from '../org-time.js';
import { Link } from '../router.js';
import { fieldErrors, useTRPC } from '../trpc.js';
import { useConfirm } from '../ui/ConfirmDialog.js';
import { ReportRegions, useReport } from '../ui/report.js';
import { eventStatusLabels, placesInWords } from './labels.js';

export interface EventStatusChange {
  updatedAt: Date;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  previousStartsAt: Date | null;
}

export function EventStatusPanel({
  event,
  change,
  siteUrl,
  canEdit,
  dirty,
  onChanged,
  onConflict,
}: {
  event: EventDetail;
  /** The event as the last status change left it (the form's copy may be older). */
  change: EventStatusChange;
  siteUrl: string;
  canEdit: boolean;
  dirty: boolean;
  onChanged: (change: EventStatusChange) => void;
  onConflict: (error: unknown) => boolean;
}) {
  const trpc = useTRPC();
  const headingId = useId();
  const { confirm, dialog } = useConfirm();
  const [report, reported] = useReport();
  const [error, setError] = useState<unknown>(null);
  const zone = event.timeZone;
  const [newStart, setNewStart] = useState('');
  const [newEnd, setNewEnd] = useState('');
  const publish = useMutation(trpc.events.publish.mutationOptions());
  const unpublish = useMutation(trpc.events.unpublish.mutationOptions());
  const cancel = useMutation(trpc.events.cancel.mutationOptions());
  const reschedule = useMutation(trpc.events.reschedule.mutationOptions());
  const busy = publish.isPending || unpublish.isPending || cancel.isPending || reschedule.isPending;
  const name = eventTitle(event);
  const { status, updatedAt } = change;
  const registered = event.counts.confirmed + event.counts.pending + event.counts.waitlisted;
  const people = `${registered} ${registered === 1 ? 'person' : 'people'}`;

  async function act(
    question: { title: string; message: string; confirmLabel: string },
    run: () => Promise<EventStatusChange>,
    done: string,
  ) {
    setError(null);
    report.clear();
    if (!(await confirm(question))) return;
    try {
      const next = await run();
      report.done(done);
      setNewStart('');
      setNewEnd('');
      onChanged(next);
    } catch (e) {
      if (onConflict(e)) return;
      setError(e);
      report.failed(e);
    }
  }

  function onReschedule(e: FormEvent) {
    e.preventDefault();
    const startsAt = localToIso(newStart, zone) ?? newStart;
    const endsAt = localToIso(newEnd, zone) ?? newEnd;
    void act(
      {
        title: `Reschedule “${name}”?`,
        message: `Everyone registered (${people}) will be emailed the new date, and the page will say the event is rescheduled.`,
        confirmLabel: 'Reschedule and email everyone',
      },
      () => reschedule.mutateAsync({ id: event.id, updatedAt, startsAt, endsAt }),
      'Rescheduled: everyone registered is being emailed the new date.',
    );
  }

  const pages = status === 'draft' ? [] : languagesOf(event.translations);
  const errorsOf = (field: string) => fieldErrors(error)[field];
  return (
    <section className="panel publishing" aria-labelledby={headingId}>
      <h2 id={headingId}>Status</h2>
      <ul className="facts">
        <li>
          <span className={`badge event-${status}`}>{eventStatusLabels[status]}</span>
        </li>
        <li>
          {formatDateTimeIn(change.startsAt, zone)} ({zone})
          {change.previousStartsAt ? `, moved from ${formatDateTimeIn(change.previousStartsAt, zone)}` : ''}
        </li>
        {event.registrationMode === 'here' ? (
          <li>
            {placesInWords(event)} (
            <Link to={`/events/${event.id}/registrations`}>see the registrations</Link>)
          </li>
        ) : null}
        {pages.map((l) => {
          const url = absoluteUrl(siteUrl, eventPath(l, event.translations[l]!.slug));
          return (
            <li key={l}>
              On the site in {languageLabels[l]}: <a href={url}>{url}</a>
            </li>
          );
        })}
      </ul>
      {canEdit && dirty ? (
        <p className="hint">Save your changes first to publish, cancel or reschedule.</p>
      ) : null}
      {canEdit ? (
        <div className="actions">
          {status === 'draft' ? (
            <button
              type="button"
              disabled={busy || dirty}
              onClick={() =>
                void act(
                  {
                    title: `Publish “${name}”?`,
                    message: 'It appears on the site at once, in every language it is written in.',
                    confirmLabel: 'Publish',
                  },
                  () => publish.mutateAsync({ id: event.id, updatedAt }),
                  'Published: the event is on the site.',
                )
              }
            >
              Publish
            </button>
          ) : null}
          {status === 'published' || status === 'rescheduled' ? (
            <button
              type="button"
              className="secondary"
              disabled={busy || dirty}
              onClick={() =>
                void act(
                  {
                    title: `Unpublish “${name}”?`,
                    message: 'It leaves the site; registrations stay as they are. No one is emailed.',
                    confirmLabel: 'Unpublish',
                  },
                  () => unpublish.mutateAsync({ id: event.id, updatedAt }),
                  'Unpublished: the event is a draft again.',
                )
              }
            >
              Unpublish
            </button>
          ) : null}
          {status === 'published' || status === 'rescheduled' ? (
            <button
              type="button"
              className="secondary danger"
              disabled={busy || dirty}
              onClick={() =>
                void act(
                  {
                    title: `Cancel “${name}”?`,
                    message: `Everyone registered (${people}) will be emailed that it is cancelled, and the page will say so. This cannot be undone.`,
                    confirmLabel: 'Cancel and email everyone',
                  },
                  () => cancel.mutateAsync({ id: event.id, updatedAt }),
                  'Cancelled: everyone registered is being emailed.',
                )
              }
            >
              Cancel the event
            </button>
          ) : null}
        </div>
      ) : null}
      {canEdit && (status === 'published' || status === 'rescheduled') ? (
        <form onSubmit={onReschedule} noValidate aria-label="Reschedule the event">
          <h3>Reschedule</h3>
          <p className="hint">A new date and time, in {zone} time. Everyone registered is emailed.</p>
          <div className="field-row">
            <Field
              label="New start"
              name="startsAt"
              type="datetime-local"
              value={newStart}
              min={utcToZonedDateTime(new Date(), zone)}
              onChange={(e) => setNewStart(e.target.value)}
              errors={errorsOf('startsAt')}
            />
            <Field
              label="New end"
              name="endsAt"
              type="datetime-local"
              value={newEnd}
              onChange={(e) => setNewEnd(e.target.value)}
              errors={errorsOf('endsAt')}
            />
          </div>
          <button type="submit" className="secondary" disabled={busy || dirty}>
            {reschedule.isPending ? 'Rescheduling…' : 'Reschedule'}
          </button>
        </form>
      ) : null}
      <ReportRegions {...reported} />
      {dialog}
    </section>
  );
}
