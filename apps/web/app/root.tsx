import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import { siteChrome } from './site.server.js';
import styles from './styles.css?url';

export const meta: MetaFunction = ({ error }) => [{ title: error ? 'Page not found' : 'Ayni' }];

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader(_args: LoaderFunctionArgs) {
  return siteChrome();
}

export function Layout({ children }: { children: ReactNode }) {
  const site = useRouteLoaderData<typeof loader>('root');
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="wrap">
            <Link to="/" className="brand">
              {site?.organisationName ?? 'Ayni'}
            </Link>
            <nav aria-label="Main">
              <ul>
                <li>
                  <Link to="/">News</Link>
                </li>
                {site?.pages.map((p) => (
                  <li key={p.slug}>
                    <Link to={`/${p.slug}`}>{p.title}</Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="wrap">
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>{site?.organisationName}</p>
            {site?.postalAddress ? <p>{site.postalAddress}</p> : null}
          </div>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && (error.status === 404 || error.status === 410)) {
    return (
      <section className="not-found">
        <h1>{error.status === 410 ? 'This page has been removed' : 'Page not found'}</h1>
        <p>
          {error.status === 410
            ? 'The article you are looking for was archived.'
            : 'We could not find the page you asked for. It may have moved.'}
        </p>
        <p>
          <Link to="/">Go to the latest news</Link>
        </p>
      </section>
    );
  }
  return (
    <section>
      <h1>Something went wrong</h1>
      <p>Please try again in a moment.</p>
    </section>
  );
}
