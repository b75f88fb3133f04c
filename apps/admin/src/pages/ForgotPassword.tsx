// Public: ask for a password-reset link by email. The answer is the same whether or not the address has an
// account, so the page cannot be used to find out who works here.
import { useState, type FormEvent } from 'react';
import { requestPasswordReset } from '../auth-client.js';
import { Field } from '../Field.js';
import { Link } from '../router.js';

export function ForgotPassword() {
  const [email, setEmail] = useState('');
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setOutcome(null);
    const result = await requestPasswordReset(email.trim());
    setPending(false);
    setOutcome(
      result.ok
        ? {
            ok: true,
            message: 'If an account exists for that address, we have emailed a link valid for one hour.',
          }
        : { ok: false, message: result.message },
    );
  }

  return (
    <main className="centered" id="main" tabIndex={-1}>
      <form className="card" onSubmit={(e) => void submit(e)}>
        <h1>Reset your password</h1>
        <p>Enter the email address you sign in with. We will email you a link to choose a new password.</p>
        <p role="status" aria-live="polite" className="notice ok">
          {outcome?.ok ? outcome.message : null}
        </p>
        {outcome && !outcome.ok ? (
          <p role="alert" className="error">
            {outcome.message}
          </p>
        ) : null}
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
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
