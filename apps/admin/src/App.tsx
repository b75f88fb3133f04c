// Decides which screen to show: first-run setup, the public pages (invitation, password reset), sign-in, or the
// signed-in pages (each guarded by the permission its navigation link needs).
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { NoAccess } from './NoAccess.js';
import { ArticleEditor } from './pages/ArticleEditor.js';
import { CampaignEditor } from './pages/CampaignEditor.js';
import { Campaigns } from './pages/Campaigns.js';
import { EventCheckIn } from './pages/EventCheckIn.js';
import { EventEditor } from './pages/EventEditor.js';
import { EventRegistrations } from './pages/EventRegistrations.js';
import { Events } from './pages/Events.js';
import { Articles } from './pages/Articles.js';
import { AcceptInvitation } from './pages/AcceptInvitation.js';
import { Account } from './pages/Account.js';
import { Audit } from './pages/Audit.js';
import { Dashboard } from './pages/Dashboard.js';
import { FeedDetail } from './pages/FeedDetail.js';
import { Feeds } from './pages/Feeds.js';
import { ForgotPassword } from './pages/ForgotPassword.js';
import { Jobs } from './pages/Jobs.js';
import { Messages } from './pages/Messages.js';
import { ResetPassword } from './pages/ResetPassword.js';
import { Settings } from './pages/Settings.js';
import { Signatures } from './pages/Signatures.js';
import { Topics } from './pages/Topics.js';
import { Setup } from './pages/Setup.js';
import { SignIn } from './pages/SignIn.js';
import { Staff } from './pages/Staff.js';
import type { Me } from './me.js';
import { Link, matchPath, usePath } from './router.js';
import { pages, Shell } from './Shell.js';
import { useTRPC } from './trpc.js';

/** Pages anyone can open without a session: they come from links in emails. */
const publicPages: Record<string, () => ReactNode> = {
  '/accept-invitation': () => <AcceptInvitation />,
  '/forgot-password': () => <ForgotPassword />,
  '/reset-password': () => <ResetPassword />,
};

function pageFor(path: string, me: Me): ReactNode {
  const can = me.permissions;
  const articleId = matchPath('/articles/:id', path)?.id;
  if (articleId === 'new') {
    if (!can.includes('article:edit')) return <NoAccess role={me.role} />;
    return <ArticleEditor key="new" id={null} canEdit canPublish={can.includes('article:publish')} />;
  }
  if (articleId) {
    return (
      <ArticleEditor
        key={articleId}
        id={articleId}
        canEdit={can.includes('article:edit')}
        canPublish={can.includes('article:publish')}
      />
    );
  }
  const campaignId = matchPath('/campaigns/:id', path)?.id;
  if (campaignId === 'new') {
    if (!can.includes('campaign:edit')) return <NoAccess role={me.role} />;
    return <CampaignEditor key="new" id={null} canEdit />;
  }
  if (campaignId) {
    return <CampaignEditor key={campaignId} id={campaignId} canEdit={can.includes('campaign:edit')} />;
  }
  const eventId = matchPath('/events/:id', path)?.id;
  if (eventId === 'new') {
    if (!can.includes('event:edit')) return <NoAccess role={me.role} />;
    return <EventEditor key="new" id={null} canEdit />;
  }
  if (eventId) return <EventEditor key={eventId} id={eventId} canEdit={can.includes('event:edit')} />;
  const registrationsOf = matchPath('/events/:id/registrations', path)?.id;
  const checkInOf = matchPath('/events/:id/check-in', path)?.id;
  if ((registrationsOf || checkInOf) && !can.includes('registration:view'))
    return <NoAccess role={me.role} />;
  if (registrationsOf) {
    return (
      <EventRegistrations
        key={registrationsOf}
        eventId={registrationsOf}
        canEdit={can.includes('event:edit')}
        canExport={can.includes('registration:export')}
        canReadAccessNeeds={can.includes('event:access-needs')}
      />
    );
  }
  if (checkInOf) {
    return <EventCheckIn eventId={checkInOf} canReadAccessNeeds={can.includes('event:access-needs')} />;
  }
  const feedId = matchPath('/feeds/:id', path)?.id;
  if (feedId) {
    return (
      <FeedDetail
        key={feedId}
        id={feedId}
        canEdit={can.includes('feed:edit')}
        canDraft={can.includes('article:edit')}
      />
    );
  }
  switch (path) {
    case '/articles':
      return <Articles canEdit={can.includes('article:edit')} />;
    case '/topics':
      return <Topics canEdit={can.includes('article:edit')} />;
    case '/campaigns':
      return <Campaigns canEdit={can.includes('campaign:edit')} />;
    case '/events':
      return <Events canEdit={can.includes('event:edit')} />;
    case '/signatures':
      return (
        <Signatures
          canModerate={can.includes('campaign:edit')}
          canExport={can.includes('signature:export')}
        />
      );
    case '/feeds':
      return <Feeds canEdit={can.includes('feed:edit')} />;
    case '/':
      return <Dashboard />;
    case '/jobs':
      return <Jobs canRetry={can.includes('job:retry')} />;
    case '/messages':
      return <Messages canSendTest={can.includes('message:send-test')} />;
    case '/staff':
      return <Staff me={me} canManage={can.includes('staff:manage')} />;
    case '/settings':
      return <Settings canEdit={can.includes('settings:edit')} />;
    case '/audit':
      return <Audit />;
    case '/account':
      return <Account me={me} />;
    default:
      return null;
  }
}

function Page({ path, me }: { path: string; me: Me }) {
  const entry = pages.find((p) => p.to === path || (p.to !== '/' && path.startsWith(`${p.to}/`)));
  const page = entry ? pageFor(path, me) : null;
  if (!entry || !page) {
    return (
      <>
        <h1>Page not found</h1>
        <p>
          There is no admin page at this address. <Link to="/">Go to the dashboard</Link>.
        </p>
      </>
    );
  }
  if (entry.permission && !me.permissions.includes(entry.permission)) return <NoAccess role={me.role} />;
  return page;
}

function Loading() {
  return (
    <main className="centered" aria-busy="true">
      <p role="status">Loading…</p>
    </main>
  );
}

export function App() {
  const trpc = useTRPC();
  const path = usePath();
  const status = useQuery(trpc.setup.status.queryOptions());
  const publicPage = publicPages[path];
  const me = useQuery({
    ...trpc.account.me.queryOptions(),
    enabled: status.data?.needsSetup === false && !publicPage,
  });

  if (status.isPending) return <Loading />;
  if (status.isError) {
    return (
      <main className="centered">
        <p role="alert">
          The admin server cannot be reached. Check that it is running, then reload this page.
        </p>
      </main>
    );
  }
  if (status.data.needsSetup) return <Setup />;
  if (publicPage) return publicPage();
  if (me.isPending) return <Loading />;
  if (me.isError || !me.data) return <SignIn />;
  return (
    <Shell me={me.data}>
      <Page path={path} me={me.data} />
    </Shell>
  );
}
