import { Link } from '@remix-run/react';

export interface NewsItem {
  path: string;
  title: string;
  summary: string;
  publishedAt: string;
  date: string;
}

export function NewsList({ items, headingLevel = 2 }: { items: NewsItem[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="news-list">
      {items.map((item) => (
        <li key={item.path}>
          <article>
            <Heading>
              <Link to={item.path}>{item.title}</Link>
            </Heading>
            <p className="date">
              <time dateTime={item.publishedAt}>{item.date}</time>
            </p>
            <p>{item.summary}</p>
          </article>
        </li>
      ))}
    </ul>
  );
}
