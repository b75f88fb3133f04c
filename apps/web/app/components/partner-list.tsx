// Partner items: each title links out to the partner's site, marked as external (an icon for the eye, words
// for screen readers), credited "via <partner>", dated in the page's language. Everything is rendered as text.
import { t, type Language } from '../i18n.js';
import { excerpt, type PartnerListItem } from '../partners.js';

/** Other sites we relay but do not vouch for: no referrer, no window.opener, no ranking credit. */
const EXTERNAL_REL = 'external nofollow noopener noreferrer';

function ExternalIcon() {
  return (
    <svg
      className="external-icon"
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 16 16"
      width="16"
      height="16"
    >
      <path
        d="M9 2h5v5M14 2 7.5 8.5M12 9.5V13a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function PartnerList({
  lang,
  items,
  headingLevel = 2,
  summaryMax,
}: {
  lang: Language;
  items: PartnerListItem[];
  headingLevel?: 2 | 3;
  /** Shorten summaries to this many characters (the home page); the whole summary when absent. */
  summaryMax?: number;
}) {
  const text = t(lang);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="partner-list">
      {items.map((item) => {
        const summary = summaryMax === undefined ? item.summary : excerpt(item.summary, summaryMax);
        return (
          <li key={item.id}>
            <article>
              <Heading>
                {item.href ? (
                  <a href={item.href} rel={EXTERNAL_REL} hrefLang={item.language}>
                    {item.title}
                    <ExternalIcon />
                    <span className="visually-hidden"> {text.externalLink}</span>
                  </a>
                ) : (
                  item.title
                )}
              </Heading>
              <p className="partner-meta">
                <span className="partner-source">{text.via(item.source)}</span>
                {' · '}
                <time dateTime={item.publishedAt}>{item.date}</time>
                {item.author ? (
                  <>
                    {' · '}
                    <span className="partner-author">{text.byAuthor(item.author)}</span>
                  </>
                ) : null}
              </p>
              {summary ? <p className="partner-summary">{summary}</p> : null}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
