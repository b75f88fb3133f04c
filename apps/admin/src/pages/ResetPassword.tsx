// Public: the page the emailed reset link leads to (`?token=…`, or `?error=INVALID_TOKEN` when the link is stale).
import { MIN_PASSWORD_LENGTH } from '@ayni/domain';
import { useState, type FormEvent } from 'react';
import { resetPassword } from '../auth-client.js';
import { NewPasswordField } from '../Field.js';
import { Link } from '../router.js';
import { ErrorSummary, FormError, useFormState } from '../ui/form.js';

function tokenFromUrl(): string | null {
  const params = new URLSearchParams(window.location.search);
  return params.get('error') ? null : params.get('token');
}

const tooShort = `Your new password must be at least ${MIN_PASSWORD_LENGTH} characters.`;

export function ResetPassword() {
  const [token] = useState(tokenFromUrl);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [done, setDone] = useState(false);
  const form = useFormState({ newPassword: '' }, error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!token) return;
    const password = form.values.newPassword;
    // Checked here first (the server checks it again), so a short password costs no request.
    if (password.length < MIN_PASSWORD_LENGTH) {
      setError(new FormError(tooShort, { newPassword: [tooShort] }));
      return;
    }
    setError(null);
    setPending(true);
    const result = await resetPassword(token, password);
    setPending(false);
    if (result.ok) setDone(true);
    else setError(new FormError(result.message));
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
            <ErrorSummary
              form={form}
              title="Your password was not changed"
              labels={{ newPassword: 'New password' }}
            >
              {/* The server refused the link itself (used, expired) or for now (too many tries). */}
              {error && Object.keys(error.fields).length === 0 ? (
                <>
                  <Link to="/forgot-password">Ask for a new link</Link>.
                </>
              ) : null}
            </ErrorSummary>
            <NewPasswordField
              label="New password"
              note="Changing it signs you out everywhere."
              {...form.field('newPassword')}
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
