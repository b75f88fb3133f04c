// Writing an article or page: the fields, a Markdown preview rendered by the server (the same function as the
// site), autosave of drafts, a warning before leaving with unsaved changes, and the publishing actions the server
// allows. Every save sends the version the form was loaded from, so nobody silently overwrites someone else.
import { articlePath, slugify, type ArticleKind, type Language } from '@ayni/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { kindOptions, languageOptions, statusLabel } from '../articles/labels.js';
import { BodyField } from '../articles/BodyField.js';
import { isConflict, type Loaded } from '../articles/editing.js';
import { Publishing } from '../articles/Publishing.js';
import { TranslationField } from '../articles/TranslationField.js';
import { TopicsField, splitTopics, type TopicOption as Topic } from '../TopicsField.js';
import { Field, SelectField, TextAreaField } from '../Field.js';

import {
  clearNavigationNote,
  Link,
  navigate,
  readNavigationNote,
  useUnsavedChangesWarning,
} from '../router.js';
import { errorMessage, fieldErrors, useTRPC } from '../trpc.js';

/** What the form holds: everything as the text in its control. */
type Values = {
  title: string;
  slug: string;
  summary: string;
  body: string;
  topics: string;
  kind: ArticleKind;
  navOrder: string;
  language: Language;
  translationId: string;
  imageUrl: string;
  imageAlt: string;
};

const AUTOSAVE_DELAY_MS = 5_000;
const LEAVE_MESSAGE = 'This article has changes that are not saved. Leave without saving them?';

function valuesFrom(article: Loaded, topics: readonly Topic[]): Values {
  const names = new Map(topics.map((t) => [t.slug, t.name] as const));
  return {
    title: article.title,
    slug: article.slug,
    summary: article.summary,
    body: article.body,
    topics: article.topics.map((t) => names.get(t) ?? t).join(', '),
    kind: article.kind,
    navOrder: article.navOrder === null ? '' : String(article.navOrder),
    language: article.language,
    translationId: article.translationId ?? '',
    imageUrl: article.featuredImage?.url ?? '',
    imageAlt: article.featuredImage?.alt ?? '',
  };
}

function emptyValues(language: Language): Values {
  return {
    title: '',
    slug: '',
    summary: '',
    body: '',
    topics: '',
    kind: 'news',
    navOrder: '',
    language,
    translationId: '',
    imageUrl: '',
    imageAlt: '',
  };
}

/** The form as the API's article input. */
function toInput(v: Values) {
  const navOrder = v.navOrder.trim();
  const url = v.imageUrl.trim();
  return {
    kind: v.kind,
    navOrder: v.kind === 'page' && navOrder !== '' ? Number(navOrder) : null,
    language: v.language,
    slug: v.slug.trim(),
    title: v.title,
    summary: v.summary,
    body: v.body,
    topics: splitTopics(v.topics),
    translationId: v.translationId || null,
    featuredImage: url ? { url, alt: v.imageAlt } : null,
  };
}

/** Good enough to autosave: the server would refuse anything else, and a refusal every 5 s helps nobody. */
function looksValid(v: Values): boolean {
  if (v.title.trim() === '') return false;
  if (v.imageUrl.trim() !== '' && v.imageAlt.trim() === '') return false;
  if (v.kind === 'page' && v.navOrder.trim() !== '' && !/^\d+$/.test(v.navOrder.trim())) return false;
  return true;
}

const sameValues = (a: Values, b: Values) => JSON.stringify(a) === JSON.stringify(b);
const timeOfDay = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

const fieldLabels: Record<string, string> = {
  title: 'Title',
  slug: 'Slug',
  summary: 'Summary',
  body: 'Body',
  topics: 'Topics',
  kind: 'Kind',
  navOrder: 'Navigation order',
  language: 'Language',
  translationId: 'Translation',
  featuredImage: 'Image URL',
  'featuredImage.url': 'Image URL',
  'featuredImage.alt': 'Image description (alt text)',
  scheduledFor: 'Publish at',
  at: 'Publish at',
};

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
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Only at the start: later saves move the baseline, never the text being typed.
  const [initial] = useState(() => (article ? valuesFrom(article, topics) : emptyValues(defaultLanguage)));
  const [values, setValues] = useState<Values>(initial);
  const [baseline, setBaseline] = useState<Values>(initial);
  const [version, setVersion] = useState<number | null>(article?.version ?? null);
  const [saving, setSaving] = useState(false);
  // A new article's first save sends the editor to its own address, noting when it was saved.
  const [savedAt, setSavedAt] = useState<Date | null>(() => {
    const at = readNavigationNote()?.savedAt;
    return at && article ? new Date(at) : null;
  });
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const savingRef = useRef(false);
  // Autosave does not retry the same refused text every few seconds; a change to the text tries again.
  const refusedRef = useRef<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  const create = useMutation(trpc.articles.create.mutationOptions());
  const transition = useMutation(trpc.articles.transition.mutationOptions());
  const update = useMutation(trpc.articles.update.mutationOptions());

  const dirty = !sameValues(values, baseline);
  useUnsavedChangesWarning(canEdit && dirty, LEAVE_MESSAGE);

  useEffect(() => clearNavigationNote('savedAt'), []);

  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  async function refreshQueries() {
    await queryClient.invalidateQueries({ queryKey: trpc.articles.pathKey() });
  }

  /**
   * Saves the form; returns the new version, or null when it was not saved. A new article can go on at once:
   * `then` 'publish' publishes it straight after it is created, 'schedule' opens its scheduling form.
   */
  async function save(auto: boolean, then?: 'publish' | 'schedule'): Promise<number | null> {
    if (savingRef.current) return null;
    const sent = values;
    savingRef.current = true;
    setSaving(true);
    try {
      if (!article) {
        const created = await create.mutateAsync(toInput(sent));
        setBaseline(sent);
        let version = created.version;
        let notice: string | undefined;
        if (then === 'publish') {
          try {
            version = (await transition.mutateAsync({ id: created.id, version, action: 'publish' })).version;
            notice = 'Published.';
          } catch (e) {
            notice = `Saved as a draft, but not published: ${errorMessage(e)}`;
          }
        }
        await refreshQueries();
        navigate(`/articles/${created.id}`, {
          replace: true,
          force: true,
          note: {
            savedAt: new Date().toISOString(),
            ...(notice ? { notice } : {}),
            ...(then === 'schedule' ? { openSchedule: true } : {}),
          },
        });
        return version;
      }
      const saved = await update.mutateAsync({ id: article.id, version: version!, ...toInput(sent) });
      setVersion(saved.version);
      setBaseline(sent);
      setSavedAt(new Date());
      setError(null);
      refusedRef.current = null;
      void refreshQueries();
      return saved.version;
    } catch (e) {
      setError(e);
      if (isConflict(e)) {
        setConflict(errorMessage(e));
        requestAnimationFrame(() => conflictRef.current?.focus());
      } else if (auto) {
        refusedRef.current = JSON.stringify(sent);
      } else {
        requestAnimationFrame(() => summaryRef.current?.focus());
      }
      return null;
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  }

  // Autosave: a draft with unsaved, plausible changes is saved after a few seconds without typing.
  const autosaveRef = useRef(save);
  autosaveRef.current = save;
  const autosaving =
    canEdit &&
    article !== null &&
    article.status === 'draft' &&
    dirty &&
    !saving &&
    conflict === null &&
    looksValid(values) &&
    refusedRef.current !== JSON.stringify(values);
  useEffect(() => {
    if (!autosaving) return;
    const timer = setTimeout(() => void autosaveRef.current(true), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [autosaving, values]);

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(false);
  }

  async function reload() {
    setReloading(true);
    try {
      await onReload();
    } finally {
      setReloading(false);
    }
  }

  const errors = conflict ? {} : fieldErrors(error);
  const errorFor = (...keys: string[]) => {
    const found = Object.entries(errors)
      .filter(([k]) => keys.some((key) => k === key || k.startsWith(`${key}.`)))
      .flatMap(([, messages]) => messages);
    return found.length ? found : undefined;
  };
  const fieldMessages = Object.entries(errors).flatMap(([k, messages]) =>
    messages.map((m) => `${fieldLabels[k] ?? fieldLabels[k.split('.')[0]!] ?? k}: ${m}`),
  );
  const generalError = error && !conflict && fieldMessages.length === 0 ? errorMessage(error) : null;

  const status = article?.status ?? 'draft';
  const isDraft = status === 'draft';
  const generatedSlug = slugify(values.title);

  return (
    <>
      <p className="back">
        <Link to="/articles">← All articles</Link>
      </p>
      <h1>{article ? 'Edit article' : 'New article'}</h1>

      {conflict ? (
        <div className="alert-box conflict" role="alert" tabIndex={-1} ref={conflictRef}>
          <p>
            <strong>{conflict}</strong>
          </p>
          <p>
            Your text is still in the form below and was not saved. Copy anything you want to keep, then load
            their version.
          </p>
          <button type="button" onClick={() => void reload()} disabled={reloading}>
            {reloading ? 'Loading…' : 'Reload their version'}
          </button>
        </div>
      ) : null}
      {fieldMessages.length ? (
        <div className="alert-box" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>
            <strong>The article was not saved: correct the fields marked below.</strong>
          </p>
          <ul>
            {fieldMessages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {generalError ? (
        <div className="alert-box" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>{generalError}</p>
        </div>
      ) : null}

      {article ? (
        <Publishing
          article={article}
          version={version!}
          timeZone={timeZone}
          canPublish={canPublish}
          dirty={canEdit && dirty}
          saveFirst={() => save(false)}
          onVersion={setVersion}
          onConflict={(message) => {
            setConflict(message);
            requestAnimationFrame(() => conflictRef.current?.focus());
          }}
          refresh={refreshQueries}
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
              onChange={(e) =>
                // A translation is in the other language, so a change of language unlinks it.
                setValues((v) => ({ ...v, language: e.target.value as Language, translationId: '' }))
              }
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
              errors={errorFor('featuredImage.url') ?? errors.featuredImage}
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
            <button type="submit" disabled={saving}>
              {saving ? 'Saving…' : isDraft ? 'Save draft' : 'Save'}
            </button>
            {!article && canPublish ? (
              <>
                <button
                  type="button"
                  className="secondary"
                  disabled={saving}
                  onClick={() => void save(false, 'publish')}
                >
                  Save and publish now
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={saving}
                  onClick={() => void save(false, 'schedule')}
                >
                  Save and schedule…
                </button>
              </>
            ) : null}
            <p role="status" aria-live="polite" className="save-status">
              {saving ? 'Saving…' : savedAt ? `Saved at ${timeOfDay.format(savedAt)}` : ''}
            </p>
            {dirty && !saving ? <p className="unsaved">Unsaved changes</p> : null}
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
