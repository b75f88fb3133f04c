// The Markdown body: a formatting toolbar (heading, bold, italic, link, list, quote — by mouse, or from the keyboard:
// arrow keys move along it, Ctrl+B and Ctrl+I work in the text), and a preview rendered by the server with the
// site's own function a moment after typing stops; on a wide screen the preview sits beside the text.
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { TextAreaField } from '../Field.js';
import { errorMessage, useTRPC } from '../trpc.js';
import { formatMarkdown, type MarkdownFormat } from './markdown-format.js';

const PREVIEW_DELAY_MS = 400;

const tools: readonly [format: MarkdownFormat, label: string, shown: string][] = [
  ['heading', 'Heading', 'H'],
  ['bold', 'Bold', 'B'],
  ['italic', 'Italic', 'I'],
  ['link', 'Link', 'Link'],
  ['list', 'List', '•'],
  ['quote', 'Quote', '“'],
];

/**
 * `label`, `name` and `id` default to the article's body; `previewLabel` names the preview's region (two bodies on
 * one page, in two languages, need two names); `preview` is the procedure that renders it (a campaigner may preview
 * a campaign's story but not an article's).
 */
export function BodyField({
  value,
  onChange,
  errors,
  canPreview,
  label = 'Body',
  name = 'body',
  id,
  previewLabel = 'Preview',
  preview: previewWith = 'articles',
}: {
  value: string;
  onChange: (value: string) => void;
  errors: string[] | undefined;
  canPreview: boolean;
  label?: string;
  name?: string;
  id?: string;
  previewLabel?: string;
  preview?: 'articles' | 'campaigns';
}) {
  const trpc = useTRPC();
  const previewId = useId();
  const madeId = useId();
  const textId = id ?? madeId;
  const [showPreview, setShowPreview] = useState(false);
  const [html, setHtml] = useState<string | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const preview = useMutation(trpc[previewWith].preview.mutationOptions());
  const { mutateAsync } = preview;
  const [activeTool, setActiveTool] = useState(0);
  const toolRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!showPreview) return;
    let current = true;
    const timer = setTimeout(() => {
      mutateAsync({ body: value })
        .then((r) => {
          if (!current) return;
          setHtml(r.html);
          setPreviewError(null);
        })
        .catch((e: unknown) => {
          if (current) setPreviewError(errorMessage(e));
        });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [showPreview, value, mutateAsync]);

  /** Formats the selection and puts the cursor back in the text, around what was formatted. */
  function apply(format: MarkdownFormat) {
    const text = document.getElementById(textId);
    if (!(text instanceof HTMLTextAreaElement)) return;
    const done = formatMarkdown(text.value, text.selectionStart, text.selectionEnd, format);
    onChange(done.text);
    requestAnimationFrame(() => {
      text.focus();
      text.setSelectionRange(done.start, done.end);
    });
  }

  // A toolbar is one stop for Tab; the arrow keys, Home and End move along it.
  function onToolbarKey(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number> = {
      ArrowRight: activeTool + 1,
      ArrowLeft: activeTool - 1,
      Home: 0,
      End: tools.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = (next + tools.length) % tools.length;
    setActiveTool(index);
    toolRefs.current[index]?.focus();
  }

  function onTextKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const format = event.key === 'b' ? 'bold' : event.key === 'i' ? 'italic' : null;
    if (!format) return;
    event.preventDefault();
    apply(format);
  }

  return (
    <div className={`body-field${showPreview ? ' previewing' : ''}`}>
      <div className="body-text">
        {canPreview ? (
          <div
            className="md-toolbar"
            role="toolbar"
            aria-label="Formatting"
            aria-controls={textId}
            onKeyDown={onToolbarKey}
          >
            {tools.map(([format, label, shown], index) => (
              <button
                key={format}
                ref={(el) => {
                  toolRefs.current[index] = el;
                }}
                type="button"
                className="secondary"
                tabIndex={index === activeTool ? 0 : -1}
                aria-label={label}
                title={format === 'bold' ? 'Bold (Ctrl+B)' : format === 'italic' ? 'Italic (Ctrl+I)' : label}
                onClick={() => {
                  setActiveTool(index);
                  apply(format);
                }}
              >
                <span aria-hidden="true" className={`md-${format}`}>
                  {shown}
                </span>
              </button>
            ))}
          </div>
        ) : null}
        <TextAreaField
          id={textId}
          label={label}
          name={name}
          rows={16}
          spellCheck
          hint="Markdown: ## for a heading, **bold**, *italic*, [a link](https://…), - for a list."
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onTextKey}
          errors={errors}
        />
        {canPreview ? (
          <button
            type="button"
            className="secondary"
            aria-pressed={showPreview}
            aria-controls={previewId}
            onClick={() => setShowPreview((s) => !s)}
          >
            Preview
          </button>
        ) : null}
      </div>
      <section
        id={previewId}
        aria-label={previewLabel}
        className="preview"
        hidden={!showPreview}
        aria-busy={preview.isPending}
      >
        {showPreview ? (
          previewError ? (
            <p className="error">The preview could not be made: {previewError}</p>
          ) : html === null ? (
            <p className="hint">Making the preview…</p>
          ) : html.trim() === '' ? (
            <p className="hint">Nothing to preview yet.</p>
          ) : (
            // Rendered and sanitised by the server with the function the public site uses, and set in the site's
            // own type (article-body.css, shared with the site).
            <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />
          )
        ) : null}
      </section>
    </div>
  );
}
