// Choosing news items for a campaign (its related articles, its updates): search by title, add, and — where the
// order matters — move up and down. The hub shows only published news; a draft picked now shows once published.
import type { ArticleChoice } from '@ayni/domain';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { statusLabel } from '../articles/labels.js';
import { useTRPC } from '../trpc.js';
import { ItemControls } from './ordered-list.js';

export function ArticlePicker({
  legend,
  hint,
  id,
  chosen,
  onChange,
  ordered,
  errors,
  disabled,
}: {
  legend: string;
  hint: string;
  /** The search box's id (an error summary links to it). */
  id: string;
  chosen: readonly ArticleChoice[];
  onChange: (chosen: ArticleChoice[]) => void;
  ordered: boolean;
  errors: string[] | undefined;
  disabled: boolean;
}) {
  const trpc = useTRPC();
  const hintId = useId();
  const errorId = useId();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const found = useQuery({
    ...trpc.campaigns.articleChoices.queryOptions(q ? { q } : undefined),
    enabled: !disabled,
  });
  const taken = new Set(chosen.map((a) => a.id));
  const offered = (found.data ?? []).filter((a) => !taken.has(a.id)).slice(0, 5);
  const described = [hintId, errors?.length ? errorId : null].filter(Boolean).join(' ');
  return (
    <fieldset className="group picker">
      <legend>{legend}</legend>
      <p id={hintId} className="hint">
        {hint}
      </p>
      {chosen.length ? (
        <ol className="picked">
          {chosen.map((a, index) => (
            <li key={a.id}>
              <span>
                {a.title} <span className="detail">({statusLabel(a.status).toLowerCase()})</span>
              </span>
              {disabled ? null : (
                <ItemControls
                  list={chosen}
                  index={index}
                  name={a.title}
                  onChange={onChange}
                  ordered={ordered}
                />
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="detail">None chosen.</p>
      )}
      {disabled ? null : (
        <>
          <div className="field">
            <label htmlFor={id}>Find a news item by its title</label>
            <input
              id={id}
              type="search"
              autoComplete="off"
              value={typed}
              aria-describedby={described}
              {...(errors?.length ? { 'aria-invalid': true as const } : {})}
              onChange={(e) => setTyped(e.target.value)}
            />
          </div>
          {found.isError ? (
            <p className="error">Could not search the articles: {found.error.message}</p>
          ) : null}
          {offered.length ? (
            <ul className="chips">
              {offered.map((a) => (
                <li key={a.id}>
                  <button type="button" className="chip" onClick={() => onChange([...chosen, a])}>
                    <span aria-hidden="true">+ </span>
                    <span className="sr-only">Add </span>
                    {a.title}
                  </button>
                </li>
              ))}
            </ul>
          ) : found.isSuccess && q ? (
            <p className="detail">No other news item has “{q}” in its title.</p>
          ) : null}
        </>
      )}
      {errors?.length ? (
        <p id={errorId} className="error">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
