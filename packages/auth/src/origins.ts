// Which origins may sign in and send the admin's mutations. In development the admin is opened as localhost,
// 127.0.0.1 or [::1] alike (a browser treats them as different origins), so every loopback spelling of the
// configured address is accepted there; in production only the configured address is.
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export function trustedOriginsFor(baseURL: string, production: boolean): string[] {
  const base = new URL(baseURL);
  if (production || !LOOPBACK_HOSTS.includes(base.hostname)) return [base.origin];
  const port = base.port ? `:${base.port}` : '';
  return LOOPBACK_HOSTS.map((host) => `${base.protocol}//${host}${port}`);
}
