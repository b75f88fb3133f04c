// The signed-in layout: skip link, navigation, who is signed in, sign out.
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { signOut } from './auth-client.js';
import { Link } from './router.js';

const pages = [
  { to: '/', label: 'Dashboard' },
  { to: '/jobs', label: 'Jobs' },
  { to: '/messages', label: 'Messages' },
];

export function Shell({ me, children }: { me: { name: string; role: string }; children: ReactNode }) {
  const queryClient = useQueryClient();
  async function onSignOut() {
    await signOut();
    // Reset rather than refetch: a failed refetch would keep showing the signed-out person's data.
    await queryClient.resetQueries();
  }
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Ayni admin</span>
        <nav aria-label="Main">
          <ul>
            {pages.map((p) => (
              <li key={p.to}>
                <Link to={p.to}>{p.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          {me.name} <span className="role">({me.role})</span>
        </span>
        <button type="button" className="secondary" onClick={() => void onSignOut()}>
          Sign out
        </button>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
