// The editor's status panel: status, author and dates, the public link, and the transitions the server allows
// (publish, schedule in the organisation's time zone, unschedule, unpublish, archive, restore), each asking first
// where it takes the article off the site.
import { articleActions, utcToZonedDateTime, type ArticleAction } from '@ayni/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { languageLabels, statusLabel } from './labels.js';
import { Field } from '../Field.js';
import { useConfirm } from '../ui/ConfirmDialog.js';
import { localToIso, momentInWords, useOrgTime } from '../org-time.js';
import { clearNavigationNote, readNavigationNote } from '../router.js';
import { errorMessage, fieldErrors, useTRPC } from '../trpc.js';
import { isConflict, type Loaded } from './editing.js';

/** What staff read once an action is done. */
const afterAction: Record<ArticleAction, string> = {
  publish: 'Published.',
  schedule: 'Scheduled.',
  unschedule: 'Unscheduled: the article is a draft again.',
  unpublish: 'Unpublished: the article has left the site and is a draft again.',
  archive: 'Archived: it is kept with the archived articles, off the site. Restore it to work on it again.',
  restore: 'Restored: the article is a draft again.',
};

const actionLabels: Record<ArticleAction, string> = {
  publish: 'Publish now',
  schedule: 'Schedule…',
  unschedule: 'Unschedule',
  unpublish: 'Unpublish',
  archive: 'Archive',
  restore: 'Restore',
};

/** Status, author and dates, the public link, and the transitions the server allows for this article now. */
export function Publishing({
  article,
  version,
  timeZone,
  canPublish,
  dirty,
  saveFirst,
  onVersion,
  onConflict,
  refresh,
}: {
  article: Loaded;
  version: number;
  timeZone: string;
  canPublish: boolean;
  dirty: boolean;
  saveFirst: () => Promise<number | null>;
  onVersion: (version: number) => void;
  onConflict: (message: string) => void;
  refresh: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const authors = useQuery(trpc.articles.authors.queryOptions());
  const transition = useMutation(trpc.articles.transition.mutationOptions());
  const [acting, setActing] = useState<ArticleAction | null>(null);
  const [notice, setNotice] = useState<string | null>(() => readNavigationNote()?.notice ?? null);
  useEffect(() => {
    clearNavigationNote('notice');
    clearNavigationNote('openSchedule');
  }, []);
  const [actionError, setActionError] = useState<unknown>(null);
  // A new article saved with "Save and schedule…" opens here with the scheduling form; "Save and publish now" with
  // what happened.
  const [scheduling, setScheduling] = useState(() => readNavigationNote()?.openSchedule === true);
  const [publishAt, setPublishAt] = useState(() =>
    article.scheduledFor ? utcToZonedDateTime(new Date(article.scheduledFor), timeZone) : '',
  );
  const [publishAtError, setPublishAtError] = useState<string | null>(null);
  const scheduleHeadingId = useId();
  const { confirm, dialog } = useConfirm();
  const at = useOrgTime();

  const author = authors.data?.find((a) => a.id === article.authorId)?.name ?? null;
  const actions = canPublish ? articleActions.filter((a) => article.allowedActions.includes(a)) : [];

  async function run(action: ArticleAction, when?: string) {
    if (action === 'unpublish' || action === 'archive') {
      const verb = action === 'unpublish' ? 'Unpublish' : 'Archive';
      const sure = await confirm({
        title: `${verb} “${article.title}”?`,
        message:
          action === 'unpublish'
            ? 'It leaves the public site and becomes a draft again.'
            : article.status === 'published'
              ? 'It leaves the public site, and its address tells visitors it is gone. You can restore it later as a draft.'
              : 'It is put away with the archived articles. You can restore it later as a draft.',
        confirmLabel: verb,
      });
      if (!sure) return;
    }
    setNotice(null);
    setActionError(null);
    setPublishAtError(null);
    setActing(action);
    try {
      // Publishing what is on the screen, not what was saved before the last edits.
      let from = version;
      if (dirty) {
        const saved = await saveFirst();
        if (saved === null) return;
        from = saved;
      }
      const done = await transition.mutateAsync({
        id: article.id,
        version: from,
        action,
        ...(when ? { at: when } : {}),
      });
      onVersion(done.version);
      setScheduling(false);
      setNotice(
        action === 'schedule' && when ? `Scheduled for ${at(when)} (${timeZone} time).` : afterAction[action],
      );
      await refresh();
    } catch (e) {
      if (isConflict(e)) {
        onConflict(errorMessage(e));
        return;
      }
      const errs = fieldErrors(e);
      const atErrors = errs.scheduledFor ?? errs.at;
      if (atErrors) setPublishAtError(atErrors.join(' '));
      else setActionError(e);
    } finally {
      setActing(null);
    }
  }

  function schedule(event: FormEvent) {
    event.preventDefault();
    const when = localToIso(publishAt, timeZone);
    if (!when) {
      setPublishAtError('Enter the date and time to publish at.');
      return;
    }
    void run('schedule', when);
  }

  return (
    <section className="panel publishing" aria-labelledby="publishing-h">
      <h2 id="publishing-h">Status</h2>
      <p>
        <span className={`badge ${article.status}`}>{statusLabel(article.status)}</span>{' '}
        {article.kind === 'page' ? 'Page' : 'News'} in {languageLabels[article.language]}
        {author ? <>, written by {author}</> : null}.
      </p>
      <ul className="facts">
        {article.status === 'published' && article.publishedAt ? (
          <li>Published {at(article.publishedAt)}</li>
        ) : null}
        {article.status === 'scheduled' && article.scheduledFor ? (
          <li>
            Will be published {at(article.scheduledFor)} ({timeZone} time)
          </li>
        ) : null}
        <li>Created {at(article.createdAt)}</li>
        <li>Last changed {at(article.updatedAt)}</li>
        {article.publicUrl && article.status === 'published' ? (
          <li>
            On the site: <a href={article.publicUrl}>{article.publicUrl}</a>
          </li>
        ) : null}
      </ul>

      {actions.length ? (
        <div className="actions">
          {actions.map((action) =>
            action === 'schedule' ? (
              <button
                key={action}
                type="button"
                className="secondary"
                aria-expanded={scheduling}
                aria-controls={scheduleHeadingId}
                onClick={() => setScheduling((s) => !s)}
              >
                {article.status === 'scheduled' ? 'Reschedule…' : actionLabels.schedule}
              </button>
            ) : (
              <button
                key={action}
                type="button"
                className={action === 'publish' ? undefined : 'secondary'}
                disabled={acting !== null}
                onClick={() => void run(action)}
              >
                {acting === action ? 'Working…' : actionLabels[action]}
              </button>
            ),
          )}
        </div>
      ) : null}
      {dirty && actions.length ? <p className="hint">Your unsaved changes are saved first.</p> : null}

      {scheduling && actions.includes('schedule') ? (
        <form className="schedule" onSubmit={schedule} noValidate id={scheduleHeadingId}>
          <Field
            label="Publish at"
            name="publishAt"
            type="datetime-local"
            description={momentInWords('Publishes on', publishAt, timeZone, at)}
            value={publishAt}
            onChange={(e) => setPublishAt(e.target.value)}
            errors={publishAtError ? [publishAtError] : undefined}
          />
          <button type="submit" disabled={acting !== null}>
            {acting === 'schedule' ? 'Scheduling…' : 'Schedule'}
          </button>
        </form>
      ) : null}

      {actionError ? (
        <p role="alert" className="error">
          {errorMessage(actionError)}
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="notice ok">
        {notice}
      </p>
      {dialog}
    </section>
  );
}
