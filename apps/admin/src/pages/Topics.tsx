// Topics and their names in English and Spanish: the public site shows the name in the page's language (the
// English one until a Spanish one is given). A topic's slug — its address on the site — does not change.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Field } from '../Field.js';
import { errorMessage, fieldErrors, useTRPC } from '../trpc.js';

type Topic = { slug: string; name: string; nameEs: string | null };

export function Topics({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const topics = useQuery(trpc.articles.topics.queryOptions());
  const missing = topics.data?.filter((t) => !t.nameEs).length ?? 0;
  return (
    <>
      <h1>Topics</h1>
      <p>
        Topics group articles on the site (<code>/topics/…</code>). Give each a name in both languages:
        Spanish pages show the Spanish name, or the English one until there is a Spanish name.
      </p>
      {topics.isPending ? <p role="status">Loading topics…</p> : null}
      {topics.isError ? <p role="alert">Could not load the topics: {topics.error.message}</p> : null}
      {topics.data && topics.data.length === 0 ? (
        <p>No topics yet: they are created when you give an article a topic.</p>
      ) : null}
      {missing > 0 ? (
        <p className="warn">
          {missing === 1 ? '1 topic has' : `${missing} topics have`} no Spanish name yet.
        </p>
      ) : null}
      {topics.data?.map((topic) => (
        <TopicForm key={topic.slug} topic={topic} canEdit={canEdit} />
      ))}
    </>
  );
}

function TopicForm({ topic, canEdit }: { topic: Topic; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(topic.name);
  const [nameEs, setNameEs] = useState(topic.nameEs ?? '');
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.articles.renameTopic.mutationOptions({
      onSuccess: async (t) => {
        setName(t.name);
        setNameEs(t.nameEs ?? '');
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.articles.topics.queryKey() });
      },
    }),
  );
  const errors = fieldErrors(save.error);
  const general = save.error && Object.keys(errors).length === 0 ? errorMessage(save.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutate({ slug: topic.slug, name, nameEs });
  }

  return (
    <form className="panel topic" onSubmit={submit} noValidate aria-labelledby={`topic-${topic.slug}`}>
      <h2 id={`topic-${topic.slug}`}>
        <code>{topic.slug}</code>
      </h2>
      {general ? (
        <p role="alert" className="error">
          {general}
        </p>
      ) : null}
      <fieldset disabled={!canEdit} className="plain">
        <legend className="sr-only">Names of the topic {topic.slug}</legend>
        <Field
          label="English name"
          name="name"
          required
          value={name}
          onChange={(e) => {
            setSaved(false);
            setName(e.target.value);
          }}
          errors={errors.name}
        />
        <Field
          label="Spanish name"
          name="nameEs"
          lang="es"
          value={nameEs}
          onChange={(e) => {
            setSaved(false);
            setNameEs(e.target.value);
          }}
          errors={errors.nameEs}
        />
        {canEdit ? (
          <p className="actions">
            <button type="submit" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save names'}
            </button>
            {saved ? <span role="status"> Saved.</span> : null}
          </p>
        ) : null}
      </fieldset>
    </form>
  );
}
