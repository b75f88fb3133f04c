// Reading a site form's post: a text field (missing → ''), a checkbox (value "yes"), and the first error per field
// from the domain's zod schema (its messages are in the page's language).
export function formField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export function formChecked(form: FormData, name: string): boolean {
  return form.get(name) === 'yes';
}

export function firstErrors<K extends string>(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Partial<Record<K, string>> {
  const errors: Partial<Record<K, string>> = {};
  for (const issue of issues) errors[String(issue.path[0]) as K] ??= issue.message;
  return errors;
}
