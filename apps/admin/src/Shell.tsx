// The signed-in layout: skip link, navigation (only the pages the role can use), who is signed in, sign out.
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { signOut } from './auth-client.js';
import type { Me } from './me.js';
import type { Permission } from './permissions.js';
import { Link } from './router.js';

/**
 * Every signed-in section, with the permission it needs (none: everyone). App.tsx guards them the same way; a
 * section's pages below it (/articles/new, /articles/:id) need at least the section's permission.
 */
export const pages: readonly { to: string; label: string; permission?: Permission }[] = [
  { to: '/', label: 'Dashboard', permission: 'dashboard:view' },
  { to: '/articles', label: 'Articles', permission: 'article:view' },
  { to: '/topics', label: 'Topics', permission: 'article:view' },
  { to: '/campaigns', label: 'Campaigns', permission: 'campaign:view' },
  { to: '/signatures', label: 'Signatures', permission: 'signature:view' },
  { to: '/events', label: 'Events', permission: 'event:view' },
  { to: '/feeds', label: 'Partner feeds', permission: 'feed:view' },
  { to: '/jobs', label: 'Jobs', permission: 'job:view' },
  { to: '/messages', label: 'Messages', permission: 'message:view' },
  { to: '/staff', label: 'Staff', permission: 'staff:view' },
  { to: '/settings', label: 'Settings', permission: 'settings:view' },
  { to: '/audit', label: 'Audit log', permission: 'audit:view' },
  { to: '/account', label: 'Your account' },
];

export function Shell({
  me,
  children,
}: {
  me: Pick<Me, 'name' | 'role' | 'permissions'>;
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  async function onSignOut() {
    await signOut();
    // Reset rather than refetch: a failed refetch would keep showing the signed-out person's data.
    await queryClient.resetQueries();
  }
  const visible = pages.filter((p) => !p.permission || me.permissions.includes(p.permission));
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Ayni admin</span>
        <nav aria-label="Main">
          <ul>
            {visible.map((p) => (
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
