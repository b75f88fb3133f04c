import { languages } from '@ayni/domain/locale';
import { absoluteUrl, searchPath } from '@ayni/domain/paths';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { cachedResource } from '../cache.server.js';
import { siteContext } from '../site.server.js';

export async function loader({ request }: LoaderFunctionArgs) {
  const { siteUrl } = await siteContext(request);
  return cachedResource(request, 'text/plain; charset=utf-8', async () =>
    [
      'User-agent: *',
      'Allow: /',
      // Search results are endless and thin; the articles they point to are in the sitemap.
      ...languages.map((language) => `Disallow: ${searchPath(language)}`),
      '',
      `Sitemap: ${absoluteUrl(siteUrl, '/sitemap.xml')}`,
      '',
    ].join('\n'),
  );
}
