// The signed-in person's own account: their name, their password, and two-factor sign-in.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me as Signed } from '../me.js';
import { useState, type FormEvent } from 'react';
import { confirmTwoFactor, disableTwoFactor, enableTwoFactor } from '../auth-client.js';
import { Field, NewPasswordField } from '../Field.js';
import { roleLabel } from '../permissions.js';
import { trpcClient, useTRPC } from '../trpc.js';
import { ErrorSummary, useFormState } from '../ui/form.js';

type Me = Pick<Signed, 'name' | 'email' | 'role' | 'twoFactorEnabled'>;

export function Account({ me }: { me: Me }) {
  return (
    <>
      <h1>Your account</h1>
      <p>
        You are signed in as {me.email}, with the role {roleLabel(me.role)}. Only an owner or admin can change
        your role or email address.
      </p>
      <NameForm current={me.name} />
      <PasswordForm email={me.email} />
      <TwoFactor enabled={me.twoFactorEnabled} />
    </>
  );
}

function NameForm({ current }: { current: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(
    trpc.account.updateName.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.account.me.queryKey() }),
    }),
  );
  const form = useFormState({ name: current }, update.error, () => update.reset());

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(form.values);
  }

  return (
    <section aria-labelledby="name-h">
      <h2 id="name-h">Name</h2>
      <form className="panel" onSubmit={submit} noValidate>
        <ErrorSummary form={form} title="Your name was not saved" labels={{ name: 'Your name' }} />
        <Field
          label="Your name"
          autoComplete="name"
          required
          hint="Shown to other staff and in the audit log."
          {...form.field('name')}
        />
        <button type="submit" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save name'}
        </button>
        <p role="status" aria-live="polite" className="notice ok">
          {update.isSuccess ? 'Your name was saved.' : null}
        </p>
      </form>
    </section>
  );
}

/** Whether this browser's session survived: better-auth replaces every session when the password changes. */
async function stillSignedIn(): Promise<boolean> {
  // The client, not the query cache: a failure here must not swap the page for the sign-in form before the
  // person has read what happened.
  return trpcClient.account.me.query().then(
    () => true,
    () => false,
  );
}

function PasswordForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const empty = { currentPassword: '', newPassword: '' };
  const [outcome, setOutcome] = useState<'signed-in' | 'signed-out' | null>(null);
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: async () => {
        form.setValues(empty);
        setOutcome((await stillSignedIn()) ? 'signed-in' : 'signed-out');
      },
    }),
  );
  const form = useFormState(empty, change.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    setOutcome(null);
    change.mutate(form.values);
  }

  return (
    <section aria-labelledby="password-h">
      <h2 id="password-h">Change your password</h2>
      <form className="panel" onSubmit={submit} noValidate>
        <ErrorSummary
          form={form}
          title="Your password was not changed"
          labels={{ currentPassword: 'Current password', newPassword: 'New password' }}
        />
        {/* Lets password managers know which account the new password belongs to. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          {...form.field('currentPassword')}
        />
        <NewPasswordField
          label="New password"
          note="Changing it signs you out everywhere else."
          {...form.field('newPassword')}
        />
        <button type="submit" disabled={change.isPending}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </button>
        <p role="status" aria-live="polite" className="notice ok">
          {outcome === 'signed-in'
            ? 'Your password was changed. Any other sessions have been signed out.'
            : outcome === 'signed-out'
              ? 'Your password was changed, and every session was signed out, this one included. Sign in again with your new password.'
              : null}
        </p>
        {outcome === 'signed-out' ? (
          <button type="button" className="secondary" onClick={() => void queryClient.resetQueries()}>
            Sign in again
          </button>
        ) : null}
      </form>
    </section>
  );
}

/** Turn two-factor sign-in on (password → key for the app and backup codes → first code) or off (password). */
function TwoFactor({ enabled }: { enabled: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [setup, setSetup] = useState<{ totpURI: string; backupCodes: string[] } | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.me.queryKey() });
  const secret = setup ? (new URL(setup.totpURI).searchParams.get('secret') ?? '') : '';

  async function start(e: FormEvent) {
    e.preventDefault();
    const result = await enableTwoFactor(password);
    setPassword('');
    if (result.ok) {
      setSetup(result);
      setMessage(null);
    } else setMessage({ kind: 'error', text: result.message });
  }
  async function confirm(e: FormEvent) {
    e.preventDefault();
    const result = await confirmTwoFactor(code);
    if (result.ok) {
      setSetup(null);
      setCode('');
      setMessage({
        kind: 'ok',
        text: 'Two-factor sign-in is on. You will be asked for a code each time you sign in.',
      });
      await refresh();
    } else setMessage({ kind: 'error', text: result.message });
  }
  async function turnOff(e: FormEvent) {
    e.preventDefault();
    const result = await disableTwoFactor(password);
    setPassword('');
    if (result.ok) {
      setMessage({ kind: 'ok', text: 'Two-factor sign-in is off.' });
      await refresh();
    } else setMessage({ kind: 'error', text: result.message });
  }

  return (
    <section aria-labelledby="two-factor-h" className="panel">
      <h2 id="two-factor-h">Two-factor sign-in</h2>
      <p>
        {enabled
          ? 'On: signing in asks for a code from your authenticator app.'
          : 'Off. Turn it on to be asked for a code from an authenticator app (such as Aegis, Google Authenticator or 1Password) when you sign in.'}
      </p>
      {message ? (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'error' : 'ok'}
        >
          {message.text}
        </p>
      ) : null}
      {setup ? (
        <form onSubmit={(e) => void confirm(e)}>
          <p>
            In your authenticator app, add an account and enter this key:{' '}
            <code className="secret">{secret}</code> (or open <a href={setup.totpURI}>this setup link</a> on
            the phone that has the app).
          </p>
          <p>Keep these backup codes somewhere safe; each works once if you lose your phone:</p>
          <ul className="backup-codes">
            {setup.backupCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <Field
            label="Code from your app"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit">Turn on two-factor sign-in</button>
        </form>
      ) : (
        <form onSubmit={(e) => void (enabled ? turnOff(e) : start(e))}>
          <input type="hidden" name="username" autoComplete="username" />
          <Field
            label="Your password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className={enabled ? 'secondary' : undefined}>
            {enabled ? 'Turn off two-factor sign-in' : 'Set up two-factor sign-in'}
          </button>
        </form>
      )}
    </section>
  );
}
