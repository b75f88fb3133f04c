// Words the Campaigns pages use for the domain's values.
import type { CampaignStatus, Translations } from '@ayni/domain';

export const campaignStatusLabels: Readonly<Record<CampaignStatus, string>> = {
  draft: 'Draft',
  active: 'Active',
  closed: 'Closed',
};

/** The name staff know a campaign by: its English title, else its Spanish one. */
export function campaignName(titles: Translations<string>): string {
  return titles.en || titles.es || 'Untitled campaign';
}
