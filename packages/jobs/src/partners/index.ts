export {
  DEFAULT_FEED_MAX_BYTES,
  DEFAULT_FEED_MAX_REDIRECTS,
  DEFAULT_FEED_TIMEOUT_MS,
  DEFAULT_FEED_USER_AGENT,
  FeedFetchError,
  fetchFeed,
  type FetchFeedOptions,
  type FetchFeedResult,
} from './fetch-feed.js';
export { FeedParseError, parseFeed, type ParsedFeed, type RawPartnerItem } from './parse-feed.js';
