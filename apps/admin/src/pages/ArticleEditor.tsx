// Writing an article or page: the form's layout. Its draft (autosave, conflicts, the version every save sends,
// the warning before leaving) is useDraft's (articles/use-draft.ts); the body with its preview, the translation
// and the publishing panel are parts of their own beside it.
import { articlePath, slugify, type ArticleKind, type Language } from '@ayni/domain';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { kindOptions, languageOptions, statusLabel } from '../articles/labels.js';
import { BodyField } from '../articles/BodyField.js';
import type { Loaded } from '../articles/editing.js';
import { Publishing } from '../articles/Publishing.js';
import { TranslationField } from '../articles/TranslationField.js';
import { useDraft } from '../articles/use-draft.js';
import { TopicsField, type TopicOption as Topic } from '../TopicsField.js';
import { Field, SelectField, TextAreaField } from '../Field.js';
import { useOrgTime } from '../org-time.js';
import { Link } from '../router.js';
import { errorMessage, useTRPC } from '../trpc.js';

/** `id` null: a new article, created on the first save. */
export function ArticleEditor({
  id,
  canEdit,
  canPublish,
}: {
  id: string | null;
  canEdit: boolean;
  canPublish: boolean;
}) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.get.queryOptions());
  const topics = useQuery(trpc.articles.topics.queryOptions());
  const article = useQuery({
    ...trpc.articles.get.queryOptions({ id: id ?? '' }),
    enabled: id !== null,
    // The form keeps its own copy; a refetch must not look like someone else's edit.
    refetchOnWindowFocus: false,
  });
  // Bumped by "Reload their version": the form starts again from what the server has now.
  const [generation, setGeneration] = useState(0);

  const failed = settings.error ?? topics.error ?? article.error;
  if (failed) {
    return (
      <>
        <h1>{id ? 'Edit article' : 'New article'}</h1>
        <p role="alert">Could not load the article: {errorMessage(failed)}</p>
        <p>
          <Link to="/articles">Back to all articles</Link>
        </p>
      </>
    );
  }
  if (!settings.data || !topics.data || (id !== null && !article.data)) {
    return <p role="status">Loading the article…</p>;
  }
  return (
    <ArticleForm
      key={generation}
      article={article.data ?? null}
      topics={topics.data}
      timeZone={settings.data.timeZone}
      defaultLanguage={settings.data.defaultLanguage}
      canEdit={canEdit}
      canPublish={canPublish}
      onReload={async () => {
        await article.refetch();
        setGeneration((g) => g + 1);
      }}
    />
  );
}

function ArticleForm({
  article,
  topics,
  timeZone,
  defaultLanguage,
  canEdit,
  canPublish,
  onReload,
}: {
  article: Loaded | null;
  topics: readonly Topic[];
  timeZone: string;
  defaultLanguage: Language;
  canEdit: boolean;
  canPublish: boolean;
  onReload: () => Promise<void>;
}) {
  const draft = useDraft({ article, topics, defaultLanguage, canEdit, onReload });
  const { values, set, errorFor } = draft;
  const at = useOrgTime();

  function submit(event: FormEvent) {
    event.preventDefault();
    void draft.save(false);
  }

  const status = article?.status ?? 'draft';
  const isDraft = status === 'draft';
  const generatedSlug = slugify(values.title);

  return (
    <>
      <p className="back">
        <Link to="/articles">← All articles</Link>
      </p>
      <h1>{article ? 'Edit article' : 'New article'}</h1>

      {draft.conflict ? (
        <div className="alert-box conflict" role="alert" tabIndex={-1} ref={draft.conflictRef}>
          <p>
            <strong>{draft.conflict}</strong>
          </p>
          <p>
            Your text is still in the form below and was not saved. Copy anything you want to keep, then load
            their version.
          </p>
          <button type="button" onClick={() => void draft.reload()} disabled={draft.reloading}>
            {draft.reloading ? 'Loading…' : 'Reload their version'}
          </button>
        </div>
      ) : null}
      {draft.fieldMessages.length ? (
        <div className="alert-box" role="alert" tabIndex={-1} ref={draft.summaryRef}>
          <p>
            <strong>The article was not saved: correct the fields marked below.</strong>
          </p>
          <ul>
            {draft.fieldMessages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {draft.generalError ? (
        <div className="alert-box" role="alert" tabIndex={-1} ref={draft.summaryRef}>
          <p>{draft.generalError}</p>
        </div>
      ) : null}

      {article ? (
        <Publishing
          article={article}
          version={draft.version!}
          timeZone={timeZone}
          canPublish={canPublish}
          dirty={canEdit && draft.dirty}
          saveFirst={() => draft.save(false)}
          onVersion={draft.setVersion}
          onConflict={draft.onConflict}
          refresh={draft.refresh}
        />
      ) : null}

      {canEdit ? null : (
        <p className="warn">You can read this article but not change it. Ask an editor to change it.</p>
      )}

      <form className="panel editor" onSubmit={submit} noValidate aria-label="Article">
        <fieldset disabled={!canEdit} className="plain">
          <legend className="sr-only">Article</legend>
          <Field
            label="Title"
            name="title"
            required
            maxLength={200}
            value={values.title}
            onChange={(e) => set('title', e.target.value)}
            errors={errorFor('title')}
          />
          <Field
            label="Slug"
            name="slug"
            autoComplete="off"
            spellCheck={false}
            placeholder={generatedSlug || 'made-from-the-title'}
            hint={`${
              status === 'published' || status === 'archived'
                ? 'The last part of the web address. If you change it, the old address keeps working: it redirects to the new one.'
                : 'The last part of the web address: lowercase letters, numbers and hyphens. Leave empty to make one from the title.'
            } The address will be ${articlePath({
              kind: values.kind,
              language: values.language,
              slug: values.slug.trim() || generatedSlug || 'untitled',
            })}`}
            value={values.slug}
            onChange={(e) => set('slug', e.target.value)}
            errors={errorFor('slug')}
          />
          <TextAreaField
            label="Summary"
            name="summary"
            rows={3}
            maxLength={500}
            hint="One or two sentences, shown in lists, feeds and link previews."
            value={values.summary}
            onChange={(e) => set('summary', e.target.value)}
            errors={errorFor('summary')}
          />
          <BodyField
            value={values.body}
            onChange={(v) => set('body', v)}
            errors={errorFor('body')}
            canPreview={canEdit}
          />
          <TopicsField
            value={values.topics}
            onChange={(v) => set('topics', v)}
            topics={topics}
            errors={errorFor('topics')}
            hint="Separate topics with commas. A topic that does not exist yet is created when you save."
          />
          <div className="field-row">
            <SelectField
              label="Kind"
              name="kind"
              options={kindOptions}
              hint="News is dated; a page (Aims, History…) is not."
              value={values.kind}
              onChange={(e) => set('kind', e.target.value as ArticleKind)}
              errors={errorFor('kind')}
            />
            {values.kind === 'page' ? (
              <Field
                label="Navigation order"
                name="navOrder"
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                hint="Pages with a number appear in the site's menu, lowest first. Leave empty to leave it out."
                value={values.navOrder}
                onChange={(e) => set('navOrder', e.target.value)}
                errors={errorFor('navOrder')}
              />
            ) : null}
          </div>
          <div className="field-row">
            <SelectField
              label="Language"
              name="language"
              hint="The language the article is written in."
              options={languageOptions}
              value={values.language}
              onChange={(e) => draft.setLanguage(e.target.value as Language)}
              errors={errorFor('language')}
            />
            <TranslationField
              language={values.language}
              value={values.translationId}
              current={article?.translation ?? null}
              selfId={article?.id ?? null}
              onChange={(v) => set('translationId', v)}
              errors={errorFor('translationId')}
            />
          </div>
          <fieldset className="group">
            <legend>Featured image</legend>
            <Field
              label="Image URL"
              name="imageUrl"
              type="url"
              inputMode="url"
              autoComplete="off"
              hint="Optional. A web address starting with https://"
              value={values.imageUrl}
              onChange={(e) => set('imageUrl', e.target.value)}
              errors={errorFor('featuredImage.url') ?? draft.errorsAt('featuredImage')}
            />
            <Field
              label="Image description (alt text)"
              name="imageAlt"
              maxLength={300}
              hint="What the image shows, for people who cannot see it."
              value={values.imageAlt}
              onChange={(e) => set('imageAlt', e.target.value)}
              errors={errorFor('featuredImage.alt')}
            />
          </fieldset>
        </fieldset>
        {canEdit ? (
          <div className="save-bar">
            <button type="submit" disabled={draft.saving}>
              {draft.saving ? 'Saving…' : isDraft ? 'Save draft' : 'Save'}
            </button>
            {!article && canPublish ? (
              <>
                <button
                  type="button"
                  className="secondary"
                  disabled={draft.saving}
                  onClick={() => void draft.save(false, 'publish')}
                >
                  Save and publish now
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={draft.saving}
                  onClick={() => void draft.save(false, 'schedule')}
                >
                  Save and schedule…
                </button>
              </>
            ) : null}
            <p role="status" aria-live="polite" className="save-status">
              {draft.saving ? 'Saving…' : draft.savedAt ? `Saved at ${at.time(draft.savedAt)}` : ''}
            </p>
            {draft.dirty && !draft.saving ? <p className="unsaved">Unsaved changes</p> : null}
          </div>
        ) : null}
        {canEdit && !isDraft ? (
          <p className="hint">
            This article is {statusLabel(status).toLowerCase()}: saving changes it on the site at once.
          </p>
        ) : null}
      </form>
    </>
  );
}
