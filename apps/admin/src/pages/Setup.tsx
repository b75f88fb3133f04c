// First run: create the owner account, then sign in with it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { signIn } from '../auth-client.js';
import { Field, NewPasswordField } from '../Field.js';
import { errorMessage, fieldErrors, useTRPC } from '../trpc.js';

export function Setup() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const create = useMutation(
    trpc.setup.createOwner.mutationOptions({
      onSuccess: async () => {
        await signIn(form.email, form.password);
        await queryClient.invalidateQueries();
      },
    }),
  );
  const errors = fieldErrors(create.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(form);
  }

  return (
    <main className="centered">
      <form className="card" onSubmit={submit} noValidate>
        <h1>Welcome to Ayni</h1>
        <p>Create the owner account. The owner can do everything and invites the rest of the staff.</p>
        {create.error && Object.keys(errors).length === 0 ? (
          <p role="alert" className="error">
            {errorMessage(create.error)}
          </p>
        ) : null}
        <Field
          label="Your name"
          name="name"
          autoComplete="name"
          required
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
          errors={errors.name}
        />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
          errors={errors.email}
        />
        <NewPasswordField
          label="Password"
          name="password"
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
          errors={errors.password}
        />
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create owner account'}
        </button>
      </form>
    </main>
  );
}
