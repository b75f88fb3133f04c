// The article's translation: the same article in the other language, chosen from that language's articles.
import { otherLanguage, type Language } from '@ayni/domain';
import { useQuery } from '@tanstack/react-query';
import { languageLabels } from './labels.js';
import { SelectField } from '../Field.js';
import { useTRPC } from '../trpc.js';

/** The same article in the other language, chosen from that language's articles. */
export function TranslationField({
  language,
  value,
  current,
  selfId,
  onChange,
  errors,
}: {
  language: Language;
  value: string;
  current: { id: string; title: string; language: string; slug: string } | null;
  selfId: string | null;
  onChange: (value: string) => void;
  errors: string[] | undefined;
}) {
  const trpc = useTRPC();
  const other = otherLanguage(language);
  const candidates = useQuery(trpc.articles.translationCandidates.queryOptions({ language: other }));
  const options: [string, string][] = [['', 'None']];
  const seen = new Set<string>();
  if (current && current.language === other) {
    options.push([current.id, current.title]);
    seen.add(current.id);
  }
  for (const c of candidates.data ?? []) {
    if (seen.has(c.id) || c.id === selfId) continue;
    seen.add(c.id);
    options.push([c.id, c.title]);
  }
  if (value && !seen.has(value)) options.push([value, candidates.isPending ? 'Loading…' : value]);
  return (
    <SelectField
      label="Translation"
      name="translationId"
      hint={`The same article in ${languageLabels[other]}, if there is one.`}
      options={options}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      errors={errors ?? (candidates.isError ? ['Could not load the articles to choose from.'] : undefined)}
    />
  );
}
