// The body of /news and /topics/:slug: heading, one page of news, page links.
import { t, type Language } from '../i18n.js';
import { NewsList, type NewsItem } from './news-list.js';
import { Pagination } from './pagination.js';

export function NewsListing(props: {
  lang: Language;
  heading: string;
  empty?: string;
  page: number;
  pages: number;
  basePath: string;
  items: NewsItem[];
}) {
  const text = t(props.lang);
  return (
    <section className="listing" aria-labelledby="listing-heading">
      <h1 id="listing-heading">
        {props.heading}
        {props.page > 1 ? <span className="page-of"> – {text.pageOf(props.page, props.pages)}</span> : null}
      </h1>
      {props.items.length === 0 ? <p>{props.empty ?? text.noNews}</p> : <NewsList items={props.items} />}
      <Pagination
        lang={props.lang}
        page={props.page}
        pages={props.pages}
        href={(n) => (n === 1 ? props.basePath : `${props.basePath}?page=${n}`)}
      />
    </section>
  );
}
