// Public: sign in with email and password, then, when the account has two-factor sign-in on, a code from the
// authenticator app (or a backup code). better-auth answers these, not the API: its refusals reach the forms as
// FormErrors, said at the top of the form like every other refused form in the admin.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { signIn, verifyTwoFactorCode } from '../auth-client.js';
import { Field } from '../Field.js';
import { Link } from '../router.js';
import { ErrorSummary, FormError, useFormState } from '../ui/form.js';

export function SignIn() {
  const queryClient = useQueryClient();
  const [needsCode, setNeedsCode] = useState(false);
  return needsCode ? (
    <CodeForm onSignedIn={() => queryClient.invalidateQueries()} />
  ) : (
    <PasswordForm onSignedIn={() => queryClient.invalidateQueries()} onNeedsCode={() => setNeedsCode(true)} />
  );
}

function PasswordForm({
  onSignedIn,
  onNeedsCode,
}: {
  onSignedIn: () => Promise<void>;
  onNeedsCode: () => void;
}) {
  const [error, setError] = useState<FormError | null>(null);
  const [pending, setPending] = useState(false);
  const form = useFormState({ email: '', password: '' }, error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await signIn(form.values.email, form.values.password);
    setPending(false);
    if (!result.ok) setError(new FormError(result.message));
    else if (result.twoFactor) onNeedsCode();
    else await onSignedIn();
  }

  return (
    <main className="centered">
      <form className="card" onSubmit={(e) => void submit(e)}>
        <h1>Sign in to Ayni</h1>
        <ErrorSummary
          form={form}
          title="You are not signed in"
          labels={{ email: 'Email', password: 'Password' }}
        />
        <Field label="Email" type="email" autoComplete="username" required {...form.field('email')} />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          {...form.field('password')}
        />
        <button type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="aside">
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
      </form>
    </main>
  );
}

function CodeForm({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [error, setError] = useState<FormError | null>(null);
  const [pending, setPending] = useState(false);
  const form = useFormState({ code: '' }, error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await verifyTwoFactorCode(form.values.code);
    setPending(false);
    if (result.ok) await onSignedIn();
    else setError(new FormError(result.message));
  }

  return (
    <main className="centered">
      <form className="card" onSubmit={(e) => void submit(e)}>
        <h1>Enter your authentication code</h1>
        <p>Open your authenticator app and enter the 6-digit code for Ayni, or one of your backup codes.</p>
        <ErrorSummary form={form} title="You are not signed in" labels={{ code: 'Authentication code' }} />
        <Field
          label="Authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          autoFocus
          {...form.field('code')}
        />
        <button type="submit" disabled={pending}>
          {pending ? 'Checking…' : 'Verify'}
        </button>
      </form>
    </main>
  );
}
