// Talks to better-auth's endpoints mounted by the admin server: sign in and out, and password reset by email.
type Result = { ok: true } | { ok: false; message: string };

function post(path: string, body: unknown): Promise<Response> {
  return fetch(`/api/auth/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
}

async function messageOf(res: Response): Promise<string | undefined> {
  const body = (await res.json().catch(() => ({}))) as { message?: unknown };
  return typeof body.message === 'string' && body.message ? body.message : undefined;
}

/** The per-IP limit answers without a useful message; the per-account lock says what to do. */
async function tooManyMessage(res: Response): Promise<string> {
  const message = await messageOf(res);
  if (message && !/^too many requests/i.test(message)) return message;
  const wait = res.headers.get('x-retry-after');
  return `Too many attempts. Try again in ${wait ?? 'a few'} seconds.`;
}

/** `twoFactor`: the password was right and the account asks for an authenticator code next. */
export async function signIn(
  email: string,
  password: string,
): Promise<{ ok: true; twoFactor: boolean } | { ok: false; message: string }> {
  const res = await post('sign-in/email', { email, password });
  if (res.ok) {
    const body = (await res.json().catch(() => ({}))) as { twoFactorRedirect?: unknown };
    return { ok: true, twoFactor: body.twoFactorRedirect === true };
  }
  if (res.status === 429) return { ok: false, message: await tooManyMessage(res) };
  if (res.status === 401) return { ok: false, message: 'Wrong email or password.' };
  // 403: the account is suspended; the server's message says whom to ask.
  return { ok: false, message: (await messageOf(res)) ?? 'Sign-in failed.' };
}

export async function signOut(): Promise<void> {
  await post('sign-out', {});
}

/** Always succeeds for any address (the server does not reveal which addresses have accounts). */
export async function requestPasswordReset(email: string): Promise<Result> {
  const res = await post('request-password-reset', {
    email,
    redirectTo: `${window.location.origin}/reset-password`,
  });
  if (res.ok) return { ok: true };
  if (res.status === 429) return { ok: false, message: await tooManyMessage(res) };
  return { ok: false, message: (await messageOf(res)) ?? 'The link could not be sent. Please try again.' };
}

export async function resetPassword(token: string, newPassword: string): Promise<Result> {
  const res = await post('reset-password', { newPassword, token });
  if (res.ok) return { ok: true };
  if (res.status === 429) return { ok: false, message: await tooManyMessage(res) };
  const message = await messageOf(res);
  if (!message || /token/i.test(message)) {
    return { ok: false, message: 'This link is not valid or has expired.' };
  }
  return { ok: false, message };
}

/** Second step of a two-factor sign-in: a 6-digit code from the app, or one of the backup codes. */
export async function verifyTwoFactorCode(code: string): Promise<Result> {
  const trimmed = code.replace(/\s+/g, '');
  const res = /^\d{6}$/.test(trimmed)
    ? await post('two-factor/verify-totp', { code: trimmed })
    : await post('two-factor/verify-backup-code', { code: trimmed });
  if (res.ok) return { ok: true };
  if (res.status === 429) return { ok: false, message: await tooManyMessage(res) };
  return {
    ok: false,
    message:
      'That code is not right. Codes change every 30 seconds: enter the one your app shows now, or a backup code.',
  };
}

/** Starts turning on two-factor sign-in: gives the key for the authenticator app and the backup codes. */
export async function enableTwoFactor(
  password: string,
): Promise<{ ok: true; totpURI: string; backupCodes: string[] } | { ok: false; message: string }> {
  const res = await post('two-factor/enable', { password });
  if (res.ok) return { ok: true, ...((await res.json()) as { totpURI: string; backupCodes: string[] }) };
  return {
    ok: false,
    message:
      res.status === 400 || res.status === 401
        ? 'Wrong password.'
        : ((await messageOf(res)) ?? 'Could not start.'),
  };
}

/** Finishes turning it on: the first code from the app proves it was set up. */
export async function confirmTwoFactor(code: string): Promise<Result> {
  const res = await post('two-factor/verify-totp', { code: code.replace(/\s+/g, '') });
  if (res.ok) return { ok: true };
  return {
    ok: false,
    message: 'That code is not right. Check the time on your phone and enter the code shown now.',
  };
}

export async function disableTwoFactor(password: string): Promise<Result> {
  const res = await post('two-factor/disable', { password });
  if (res.ok) return { ok: true };
  return {
    ok: false,
    message:
      res.status === 400 || res.status === 401
        ? 'Wrong password.'
        : ((await messageOf(res)) ?? 'Could not turn it off.'),
  };
}
