// Topics as text separated by commas, with the existing ones a button away (the article editor, partner feeds).
import { slugify } from '@ayni/domain';
import { Field } from './Field.js';

export type TopicOption = { slug: string; name: string };

/** The topic names typed in the field, trimmed, empty ones left out. */
export function splitTopics(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

export function TopicsField({
  value,
  onChange,
  topics,
  errors,
  hint,
  id,
}: {
  /** The text box's id (an error summary links to it). */
  id?: string;
  value: string;
  onChange: (value: string) => void;
  topics: readonly TopicOption[];
  errors: string[] | undefined;
  hint: string;
}) {
  const chosen = new Set(splitTopics(value).map(slugify));
  const available = topics.filter((t) => !chosen.has(t.slug) && !chosen.has(slugify(t.name)));
  return (
    <div className="topics-field">
      <Field
        label="Topics"
        name="topics"
        id={id}
        autoComplete="off"
        hint={hint}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        errors={errors}
      />
      {available.length ? (
        <details className="topic-picker">
          <summary>Add an existing topic</summary>
          <ul className="chips">
            {available.map((t) => (
              <li key={t.slug}>
                <button
                  type="button"
                  className="chip"
                  onClick={() => onChange([...splitTopics(value), t.name].join(', '))}
                >
                  <span aria-hidden="true">+ </span>
                  {t.name}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
