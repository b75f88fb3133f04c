import { roleLabel } from './permissions.js';
import { Link } from './router.js';

/** Shown when a page is opened by its address but the role does not include it. */
export function NoAccess({ role }: { role: string }) {
  return (
    <>
      <h1>You do not have access to this page</h1>
      <p>
        Your role ({roleLabel(role)}) does not include this page. If you need it, ask an owner or admin of
        your organisation. <Link to="/">Go to the dashboard</Link>.
      </p>
    </>
  );
}
