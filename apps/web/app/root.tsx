import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { otherLanguage } from '@ayni/domain/locale';
import {
  feedPath,
  homePath,
  languageOfPath,
  newsListPath,
  partnersPath,
  campaignListPath,
  eventListPath,
  searchPath,
} from '@ayni/domain/paths';
import type { ReactNode } from 'react';
import { t, type Language } from './i18n.js';
import { useNonce } from './nonce.js';
import { siteChrome } from './site.server.js';
import styles from './styles.css?url';

// Only used when a page fails: routes describe themselves with their own meta.
export const meta: MetaFunction = ({ error, location }) => {
  const text = t(languageOfPath(location.pathname));
  if (!error) return [];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return [{ title: status === 404 ? text.notFoundTitle : status === 410 ? text.goneTitle : text.errorTitle }];
};

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  return siteChrome(request);
}

/** Routes whose page exists in both languages return these paths; the header links to the other one. */
interface AlternateData {
  alternatePaths?: Partial<Record<Language, string>>;
}

export function Layout({ children }: { children: ReactNode }) {
  const site = useRouteLoaderData<typeof loader>('root');
  const location = useLocation();
  const matches = useMatches();
  const lang = languageOfPath(location.pathname);
  const other = otherLanguage(lang);
  const text = t(lang);
  const leaf = matches[matches.length - 1]?.data as AlternateData | undefined;
  const switchTo = leaf?.alternatePaths?.[other] ?? homePath(other);
  const organisation = site?.organisationName ?? 'Ayni';
  const feedTitle = `${organisation} – ${text.news}`;
  const nonce = useNonce();
  // A page made to sit in another site's frame (a campaign's embed) has no header, navigation or footer.
  const bare = matches.some((m) => (m.handle as { bare?: boolean } | undefined)?.bare === true);
  if (bare) {
    return (
      <html lang={lang}>
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <Meta />
          <Links />
        </head>
        <body className="embed">
          <main id="main">{children}</main>
          <ScrollRestoration nonce={nonce} />
          <Scripts nonce={nonce} />
        </body>
      </html>
    );
  }
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <link
          rel="alternate"
          type="application/rss+xml"
          href={feedPath(lang, 'rss')}
          title={text.rssFeed(feedTitle)}
        />
        <link
          rel="alternate"
          type="application/atom+xml"
          href={feedPath(lang, 'atom')}
          title={text.atomFeed(feedTitle)}
        />
        <link
          rel="alternate"
          type="application/feed+json"
          href={feedPath(lang, 'json')}
          title={text.jsonFeed(feedTitle)}
        />
        <Links />
      </head>
      <body>
        <a className="skip" href="#main">
          {text.skipToContent}
        </a>
        <header className="site-header">
          <div className="wrap">
            <Link to={homePath(lang)} className="brand">
              {organisation}
            </Link>
            <nav aria-label={text.mainNavigation}>
              <ul>
                <li>
                  <Link to={newsListPath(lang)}>{text.news}</Link>
                </li>
                <li>
                  <Link to={campaignListPath(lang)}>{text.campaigns}</Link>
                </li>
                <li>
                  <Link to={eventListPath(lang)}>{text.events}</Link>
                </li>
                <li>
                  <Link to={partnersPath(lang)}>{text.partners}</Link>
                </li>
                {site?.pages.map((p) => (
                  <li key={p.path}>
                    <Link to={p.path}>{p.title}</Link>
                  </li>
                ))}
              </ul>
            </nav>
            <ul className="tools">
              <li>
                <Link to={searchPath(lang)}>{text.search}</Link>
              </li>
              <li>
                <Link to={switchTo} lang={other} hrefLang={other} aria-label={text.switchLanguageLabel}>
                  {text.switchLanguage}
                </Link>
              </li>
            </ul>
          </div>
        </header>
        <main id="main" className="wrap">
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>{organisation}</p>
            {site?.postalAddress ? <p>{site.postalAddress}</p> : null}
            <p>
              {text.subscribe} <a href={feedPath(lang, 'rss')}>RSS</a> ·{' '}
              <a href={feedPath(lang, 'atom')}>Atom</a> · <a href={feedPath(lang, 'json')}>JSON Feed</a>
            </p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const lang = languageOfPath(useLocation().pathname);
  const text = t(lang);
  if (isRouteErrorResponse(error) && (error.status === 404 || error.status === 410)) {
    const gone = error.status === 410;
    return (
      <section className="not-found">
        <h1>{gone ? text.goneTitle : text.notFoundTitle}</h1>
        <p>{gone ? text.goneText : text.notFoundText}</p>
        <p>
          <Link to={homePath(lang)}>{text.goToLatest}</Link>
        </p>
      </section>
    );
  }
  return (
    <section>
      <h1>{text.errorTitle}</h1>
      <p>{text.errorText}</p>
    </section>
  );
}
