// Decides which screen to show: first-run setup, sign-in, or the signed-in shell.
import { useQuery } from '@tanstack/react-query';
import { Dashboard } from './pages/Dashboard.js';
import { Setup } from './pages/Setup.js';
import { SignIn } from './pages/SignIn.js';
import { useTRPC } from './trpc.js';

export function App() {
  const trpc = useTRPC();
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
  return <Dashboard me={me.data} />;
}
