// Public: the page an invitation email links to (`?token=…`). Shows what the invitation is for, then creates the
// account with the name and password the person chooses, and signs them in.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { signIn } from '../auth-client.js';
import { Field, NewPasswordField } from '../Field.js';
import { formatDateTime } from '../format.js';
import { roleLabel } from '../permissions.js';
import { Link, navigate } from '../router.js';
import { errorMessage, fieldErrors, useTRPC } from '../trpc.js';
import { ErrorSummary, useFormState } from '../ui/form.js';

function Problem({ message }: { message: string }) {
  return (
    <div role="alert">
      <p className="error">{message}</p>
      <p>
        If you already have an account, <Link to="/">sign in</Link>.
      </p>
    </div>
  );
}

export function AcceptInvitation() {
  const trpc = useTRPC();
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token') ?? '');
  const invitation = useQuery({
    ...trpc.invitations.describe.queryOptions({ token }),
    enabled: token !== '',
    // Once accepted the invitation is used up: refetching would replace the form with "already used".
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

  return (
    <main className="centered" id="main" tabIndex={-1}>
      <div className="card">
        <h1>Accept your invitation</h1>
        {token === '' ? (
          <Problem message="This invitation link is incomplete. Open the link from your invitation email again, or ask for a new invitation." />
        ) : invitation.isPending ? (
          <p role="status">Checking your invitation…</p>
        ) : invitation.isError ? (
          <Problem message={errorMessage(invitation.error)} />
        ) : (
          <AcceptForm token={token} {...invitation.data} />
        )}
      </div>
    </main>
  );
}

function AcceptForm({
  token,
  email,
  role,
  expiresAt,
}: {
  token: string;
  email: string;
  role: string;
  expiresAt: Date;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [signInProblem, setSignInProblem] = useState<string | null>(null);
  const accept = useMutation(
    trpc.invitations.accept.mutationOptions({
      onSuccess: async (account) => {
        const result = await signIn(account.email, form.values.password);
        if (!result.ok) {
          setSignInProblem(result.message);
          return;
        }
        // Forget the signed-out answer to "who am I", so the signed-in pages load afresh. (Not every query: the
        // invitation itself would be refetched and now say "already used".)
        await queryClient.resetQueries({ queryKey: trpc.account.me.queryKey() });
        navigate('/');
      },
    }),
  );
  const form = useFormState({ name: '', password: '' }, accept.error);
  const errors = fieldErrors(accept.error);
  const general = accept.error && !errors.name && !errors.password ? errorMessage(accept.error) : null;
  // The invitation cannot be used (expired, used, withdrawn, unknown): the form is of no more use.
  const unusable = accept.error?.data?.code === 'CONFLICT' || accept.error?.data?.code === 'NOT_FOUND';

  function submit(event: FormEvent) {
    event.preventDefault();
    accept.mutate({ token, ...form.values });
  }

  if (signInProblem) {
    return (
      <div role="alert">
        <p>Your account was created, but signing you in failed: {signInProblem}</p>
        <p>
          <Link to="/">Sign in</Link> with {email} and the password you chose.
        </p>
      </div>
    );
  }
  if (general && unusable) return <Problem message={general} />;

  return (
    <form onSubmit={submit} noValidate>
      <p>
        You're invited to join as {roleLabel(role).toLowerCase()}, with the email address{' '}
        <strong>{email}</strong>.
      </p>
      <p className="hint">This invitation expires on {formatDateTime(expiresAt)}.</p>
      {/* Lets password managers save the new password against the right address. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <ErrorSummary
        form={form}
        title="Your account was not created"
        labels={{ name: 'Your name', password: 'Choose a password' }}
      />
      <Field label="Your name" autoComplete="name" required {...form.field('name')} />
      <NewPasswordField label="Choose a password" {...form.field('password')} />
      <button type="submit" disabled={accept.isPending}>
        {accept.isPending ? 'Creating your account…' : 'Create my account'}
      </button>
    </form>
  );
}
