// Public: ask for a password-reset link by email. The answer is the same whether or not the address has an
// account, so the page cannot be used to find out who works here.
import { useState, type FormEvent } from 'react';
import { requestPasswordReset } from '../auth-client.js';
import { Field } from '../Field.js';
import { Link } from '../router.js';
import { ErrorSummary, FormError, useFormState } from '../ui/form.js';

export function ForgotPassword() {
  const [pending, setPending] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const form = useFormState({ email: '' }, error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setSent(false);
    setError(null);
    const result = await requestPasswordReset(form.values.email.trim());
    setPending(false);
    if (result.ok) setSent(true);
    else setError(new FormError(result.message));
  }

  return (
    <main className="centered" id="main" tabIndex={-1}>
      <form className="card" onSubmit={(e) => void submit(e)}>
        <h1>Reset your password</h1>
        <p>Enter the email address you sign in with. We will email you a link to choose a new password.</p>
        <p role="status" aria-live="polite" className="notice ok">
          {sent ? 'If an account exists for that address, we have emailed a link valid for one hour.' : null}
        </p>
        <ErrorSummary form={form} title="No link was sent" labels={{ email: 'Email' }} />
        <Field label="Email" type="email" autoComplete="username" required {...form.field('email')} />
        <button type="submit" disabled={pending}>
          {pending ? 'Sending…' : 'Email me a link'}
        </button>
        <p className="aside">
          <Link to="/">Back to sign in</Link>
        </p>
      </form>
    </main>
  );
}
