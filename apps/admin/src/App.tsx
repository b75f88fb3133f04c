// Decides which screen to show: first-run setup, sign-in, or the signed-in pages.
import { useQuery } from '@tanstack/react-query';
import { Dashboard } from './pages/Dashboard.js';
import { Jobs } from './pages/Jobs.js';
import { Messages } from './pages/Messages.js';
import { Setup } from './pages/Setup.js';
import { SignIn } from './pages/SignIn.js';
import { Link, usePath } from './router.js';
import { Shell } from './Shell.js';
import { useTRPC } from './trpc.js';

function Page({ path }: { path: string }) {
  switch (path) {
    case '/':
      return <Dashboard />;
    case '/jobs':
      return <Jobs />;
    case '/messages':
      return <Messages />;
    default:
      return (
        <>
          <h1>Page not found</h1>
          <p>
            There is no admin page at this address. <Link to="/">Go to the dashboard</Link>.
          </p>
        </>
      );
  }
}

export function App() {
  const trpc = useTRPC();
  const path = usePath();
  const status = useQuery(trpc.setup.status.queryOptions());
  const me = useQuery({ ...trpc.account.me.queryOptions(), enabled: status.data?.needsSetup === false });

  if (status.isPending || (status.data?.needsSetup === false && me.isPending)) {
    return (
      <main className="centered" aria-busy="true">
        <p role="status">Loading…</p>
      </main>
    );
  }
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
  if (me.isError || !me.data) return <SignIn />;
  return (
    <Shell me={me.data}>
      <Page path={path} />
    </Shell>
  );
}
