// The query parameters a route reads, declared by the route itself (`export const handle = { pageParams }`) and
// read from the build at the front door: only these reach the route and make its page-cache entry, each dropped
// when it holds its default, so `/news?page=1` is `/news` and `/?q=…` is the home page (issue 10).
/** Parameter name → the value that means the same as leaving it out. */
export type PageParams = Readonly<Record<string, string>>;

/** Paginated listings: /news, /topics/:slug, /partners (and their Spanish twins). */
export const LISTING_PARAMS: PageParams = { page: '1' };

/** /search: the words and the page of results. */
export const SEARCH_PARAMS: PageParams = { q: '', page: '1' };

/** A route module's declared parameters; none when it declares none. */
export function pageParamsOf(module: unknown): PageParams {
  const handle = (module as { handle?: { pageParams?: unknown } } | undefined)?.handle;
  const params = handle?.pageParams;
  return params && typeof params === 'object' ? (params as PageParams) : {};
}
