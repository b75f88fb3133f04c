// Public: the page the emailed reset link leads to (`?token=…`, or `?error=INVALID_TOKEN` when the link is stale).
import { MIN_PASSWORD_LENGTH } from '@ayni/domain';
import { useState, type FormEvent } from 'react';
import { resetPassword } from '../auth-client.js';
import { NewPasswordField } from '../Field.js';
import { Link } from '../router.js';

function tokenFromUrl(): string | null {
  const params = new URLSearchParams(window.location.search);
  return params.get('error') ? null : params.get('token');
}

export function ResetPassword() {
  const [token] = useState(tokenFromUrl);
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tooShort, setTooShort] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!token) return;
    setError(null);
    setTooShort(password.length < MIN_PASSWORD_LENGTH);
    if (password.length < MIN_PASSWORD_LENGTH) return;
    setPending(true);
    const result = await resetPassword(token, password);
    setPending(false);
    if (result.ok) setDone(true);
    else setError(result.message);
  }

  return (
    <main className="centered" id="main" tabIndex={-1}>
      <div className="card">
        <h1>Choose a new password</h1>
        {!token ? (
          <p role="alert" className="error">
            This link is not valid or has expired. <Link to="/forgot-password">Ask for a new link</Link>.
          </p>
        ) : done ? (
          <p role="status" className="ok">
            Your password was changed. Sign in with your new password. <Link to="/">Sign in</Link>
          </p>
        ) : (
          <form onSubmit={(e) => void submit(e)} noValidate>
            {error ? (
              <p role="alert" className="error">
                {error} <Link to="/forgot-password">Ask for a new link</Link>.
              </p>
            ) : null}
            <NewPasswordField
              label="New password"
              name="newPassword"
              note="Changing it signs you out everywhere."
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              errors={
                tooShort
                  ? [`Your new password must be at least ${MIN_PASSWORD_LENGTH} characters.`]
                  : undefined
              }
            />
            <button type="submit" disabled={pending}>
              {pending ? 'Changing…' : 'Change password'}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
