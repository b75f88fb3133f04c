// Which posts the front door answers itself (signFormPost): the hub's sign form, as the site writes its address
// and as a browser without JavaScript sends it. Everything else goes to Remix untouched.
import { describe, expect, it } from 'vitest';
import type { RequestTarget } from './request-target.server.js';
import { signFormPost } from './sign-form.server.js';

const FORM = 'application/x-www-form-urlencoded';

function target(pathAndQuery: string): RequestTarget {
  const url = new URL(`http://site.test${pathAndQuery}`);
  return { pathname: url.pathname, query: url.searchParams, pathAndQuery, cacheable: false };
}

describe('signFormPost', () => {
  it('is the hub’s sign form posted to its index action, in English and in Spanish', () => {
    expect(signFormPost(target('/campaigns/clean-water?index'), FORM)).toEqual({
      lang: 'en',
      slug: 'clean-water',
    });
    expect(signFormPost(target('/es/campaigns/agua-limpia?index='), `${FORM}; charset=UTF-8`)).toEqual({
      lang: 'es',
      slug: 'agua-limpia',
    });
  });

  it('leaves every other post to Remix', () => {
    // Not the hub's index action (no ?index, or another value), another page, Remix's own data requests.
    for (const path of [
      '/campaigns/clean-water',
      '/campaigns/clean-water?index=1',
      '/campaigns/clean-water/embed?index',
      '/campaigns/confirm/abc?index',
      '/campaigns/clean-water.data?index',
      '/Campaigns/clean-water?index',
      '/campaigns/clean%2Dwater?index',
      '/news/clean-water?index',
      '/fr/campaigns/clean-water?index',
    ]) {
      expect(signFormPost(target(path), FORM), path).toBeNull();
    }
    // A multipart body or none declared: Remix reads those.
    expect(
      signFormPost(target('/campaigns/clean-water?index'), 'multipart/form-data; boundary=x'),
    ).toBeNull();
    expect(signFormPost(target('/campaigns/clean-water?index'), undefined)).toBeNull();
  });
});
