// Talks to better-auth's endpoints mounted by the admin server.
export async function signIn(
  email: string,
  password: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const res = await fetch('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    credentials: 'same-origin',
  });
  if (res.ok) return { ok: true };
  if (res.status === 429) {
    const wait = res.headers.get('x-retry-after');
    return { ok: false, message: `Too many attempts. Try again in ${wait ?? 'a few'} seconds.` };
  }
  const body = (await res.json().catch(() => ({}))) as { message?: string };
  return {
    ok: false,
    message: res.status === 401 ? 'Wrong email or password.' : (body.message ?? 'Sign-in failed.'),
  };
}

export async function signOut(): Promise<void> {
  await fetch('/api/auth/sign-out', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    credentials: 'same-origin',
  });
}
