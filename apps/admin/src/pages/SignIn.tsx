import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { signIn, verifyTwoFactorCode } from '../auth-client.js';
import { Field } from '../Field.js';
import { Link } from '../router.js';

export function SignIn() {
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ email: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [needsCode, setNeedsCode] = useState(false);
  const [code, setCode] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await signIn(form.email, form.password);
    setPending(false);
    if (!result.ok) setError(result.message);
    else if (result.twoFactor) setNeedsCode(true);
    else await queryClient.invalidateQueries();
  }

  async function submitCode(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await verifyTwoFactorCode(code);
    setPending(false);
    if (result.ok) await queryClient.invalidateQueries();
    else setError(result.message);
  }

  if (needsCode) {
    return (
      <main className="centered">
        <form className="card" onSubmit={(e) => void submitCode(e)}>
          <h1>Enter your authentication code</h1>
          <p>Open your authenticator app and enter the 6-digit code for Ayni, or one of your backup codes.</p>
          {error ? (
            <p role="alert" className="error">
              {error}
            </p>
          ) : null}
          <Field
            label="Authentication code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" disabled={pending}>
            {pending ? 'Checking…' : 'Verify'}
          </button>
        </form>
      </main>
    );
  }

  return (
    <main className="centered">
      <form className="card" onSubmit={(e) => void submit(e)}>
        <h1>Sign in to Ayni</h1>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          required
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
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
