// First run: create the owner account, then sign in with it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { signIn } from '../auth-client.js';
import { Field, NewPasswordField } from '../Field.js';
import { useTRPC } from '../trpc.js';
import { ErrorSummary, useFormState } from '../ui/form.js';

export function Setup() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.setup.createOwner.mutationOptions({
      onSuccess: async () => {
        await signIn(form.values.email, form.values.password);
        await queryClient.invalidateQueries();
      },
    }),
  );
  const form = useFormState({ name: '', email: '', password: '' }, create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(form.values);
  }

  return (
    <main className="centered">
      <form className="card" onSubmit={submit} noValidate>
        <h1>Welcome to Ayni</h1>
        <p>Create the owner account. The owner can do everything and invites the rest of the staff.</p>
        <ErrorSummary
          form={form}
          title="The owner account was not created"
          labels={{ name: 'Your name', email: 'Email', password: 'Password' }}
        />
        <Field label="Your name" autoComplete="name" required {...form.field('name')} />
        <Field label="Email" type="email" autoComplete="email" required {...form.field('email')} />
        <NewPasswordField label="Password" {...form.field('password')} />
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create owner account'}
        </button>
      </form>
    </main>
  );
}
