// /campaigns/:slug/count.json: the live count the hub's small script reads, as old as CAMPAIGN_COUNT_SECONDS at
// most, cached by browsers and proxies for as long (and served stale while they fetch a fresh one).
import { petitionProgress } from '@ayni/domain';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { countMaxAgeSeconds, findSiteCampaign, formatCount, publicCount } from '../campaigns.server.js';
import { languageOfPath } from '@ayni/domain/paths';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = languageOfPath(new URL(request.url).pathname);
  const { campaign } = await findSiteCampaign(lang, params.slug ?? '');
  const count = await publicCount(campaign.id);
  const goal = campaign.petition?.signatureGoal ?? null;
  const seconds = countMaxAgeSeconds();
  return new Response(
    JSON.stringify({
      count,
      countText: formatCount(count, lang),
      goal,
      percent: goal ? petitionProgress(count, goal).percent : null,
    }),
    {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': `public, max-age=${seconds}, stale-while-revalidate=${seconds * 2}`,
      },
    },
  );
}
