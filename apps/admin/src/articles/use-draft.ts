// The article editor's draft: the form's values against the last saved ones (the baseline), the version the form
// was loaded from (every save sends it, so nobody silently overwrites someone else's edit), saving by hand or on
// its own (a draft with plausible changes, a few seconds after typing stops), the warning before leaving with
// unsaved changes, and what the last refusal said: a conflict, field messages or a general error.
import { splitTopics, type TopicOption as Topic } from '../TopicsField.js';
import type { ArticleKind, Language } from '@ayni/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { clearNavigationNote, navigate, readNavigationNote, useUnsavedChangesWarning } from '../router.js';
import { errorMessage, fieldErrors, useTRPC } from '../trpc.js';
import { isConflict, type Loaded } from './editing.js';

/** What the form holds: everything as the text in its control. */
export type DraftValues = {
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

function valuesFrom(article: Loaded, topics: readonly Topic[]): DraftValues {
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

function emptyValues(language: Language): DraftValues {
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
function toInput(v: DraftValues) {
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
function looksValid(v: DraftValues): boolean {
  if (v.title.trim() === '') return false;
  if (v.imageUrl.trim() !== '' && v.imageAlt.trim() === '') return false;
  if (v.kind === 'page' && v.navOrder.trim() !== '' && !/^\d+$/.test(v.navOrder.trim())) return false;
  return true;
}

const sameValues = (a: DraftValues, b: DraftValues) => JSON.stringify(a) === JSON.stringify(b);

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

export interface Draft {
  values: DraftValues;
  set: <K extends keyof DraftValues>(key: K, value: DraftValues[K]) => void;
  /** A new language unlinks the translation: a translation is in the other language. */
  setLanguage: (language: Language) => void;
  /** The form differs from what was last saved. */
  dirty: boolean;
  saving: boolean;
  /** When the last save went through (a new article's first save is noted across its change of address). */
  savedAt: Date | null;
  /** The version the next save sends; Publishing moves it on after a transition. */
  version: number | null;
  setVersion: (version: number) => void;
  /**
   * Saves the form; gives the new version, or null when it was not saved. A new article can go on at once: `then`
   * 'publish' publishes it straight after it is created, 'schedule' opens its scheduling form.
   */
  save: (auto: boolean, then?: 'publish' | 'schedule') => Promise<number | null>;
  /** Someone else saved since the form was loaded: their message, or null. */
  conflict: string | null;
  /** Reports a conflict met elsewhere (a transition) and takes the focus to it. */
  onConflict: (message: string) => void;
  /** "Reload their version": the form starts again from what the server has now. */
  reload: () => Promise<void>;
  reloading: boolean;
  /** The messages for the fields `keys` (a nested key like `featuredImage.url` counts for `featuredImage`). */
  errorFor: (...keys: string[]) => string[] | undefined;
  /** The messages for exactly `key` (not its nested keys). */
  errorsAt: (key: string) => string[] | undefined;
  /** Every field message, each after its field's label, for the summary at the top. */
  fieldMessages: string[];
  /** The refusal's message when no field was at fault. */
  generalError: string | null;
  /** The boxes that take the focus when a save by hand is refused, or on a conflict. */
  summaryRef: RefObject<HTMLDivElement>;
  conflictRef: RefObject<HTMLDivElement>;
  /** Refreshes every article query (lists, this article) after a change. */
  refresh: () => Promise<void>;
}

/**
 * `article` null: a new article, created on the first save (which moves the editor to its own address).
 * `canEdit`: without it nothing is saved and nothing warns on leaving. `onReload` refetches the article and starts
 * the form again.
 */
export function useDraft({
  article,
  topics,
  defaultLanguage,
  canEdit,
  onReload,
}: {
  article: Loaded | null;
  topics: readonly Topic[];
  defaultLanguage: Language;
  canEdit: boolean;
  onReload: () => Promise<void>;
}): Draft {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Only at the start: later saves move the baseline, never the text being typed.
  const [initial] = useState(() => (article ? valuesFrom(article, topics) : emptyValues(defaultLanguage)));
  const [values, setValues] = useState<DraftValues>(initial);
  const [baseline, setBaseline] = useState<DraftValues>(initial);
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

  const set = <K extends keyof DraftValues>(key: K, value: DraftValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: trpc.articles.pathKey() });
  }

  function onConflict(message: string) {
    setConflict(message);
    requestAnimationFrame(() => conflictRef.current?.focus());
  }

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
        await refresh();
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
      void refresh();
      return saved.version;
    } catch (e) {
      setError(e);
      if (isConflict(e)) {
        onConflict(errorMessage(e));
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

  async function reload() {
    setReloading(true);
    try {
      await onReload();
    } finally {
      setReloading(false);
    }
  }

  // A conflict says it all: the form's field messages would be about text that is not the latest.
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

  return {
    values,
    set,
    setLanguage: (language) => setValues((v) => ({ ...v, language, translationId: '' })),
    dirty,
    saving,
    savedAt,
    version,
    setVersion,
    save,
    conflict,
    onConflict,
    reload,
    reloading,
    errorFor,
    errorsAt: (key) => errors[key],
    fieldMessages,
    generalError,
    summaryRef,
    conflictRef,
    refresh,
  };
}
