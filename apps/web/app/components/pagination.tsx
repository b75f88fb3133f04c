// Plain links (no JavaScript needed): Previous, the first and last page and those around the current one (see
// pageWindow), Next; the current page is aria-current.
import { Link } from '@remix-run/react';
import { t, type Language } from '../i18n.js';
import { pageWindow } from '../pagination.js';

export function Pagination({
  lang,
  page,
  pages,
  href,
}: {
  lang: Language;
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1) return null;
  const text = t(lang);
  return (
    <nav className="pagination" aria-label={text.pagination}>
      <ul>
        {page > 1 ? (
          <li>
            <Link to={href(page - 1)} rel="prev">
              {text.previous}
            </Link>
          </li>
        ) : null}
        {pageWindow(page, pages).map((n, i) =>
          n === 'gap' ? (
            <li key={`gap-${i}`} className="gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                to={href(n)}
                aria-current={n === page ? 'page' : undefined}
                aria-label={text.pageNumber(n)}
              >
                {n}
              </Link>
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <Link to={href(page + 1)} rel="next">
              {text.next}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
