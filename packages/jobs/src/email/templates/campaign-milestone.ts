// A campaign's milestone reached, to each confirmed signer who asked for news of it (bulk mail): what was reached,
// a link to the campaign, why they get it, and a link that stops these emails (minted when it is sent; RFC 8058's
// one-click POST works on the same address).
import { optionalText, requiredText } from '@ayni/domain';
import { z } from 'zod';
import { oneLine } from './escape.js';
import { httpUrlField } from './fields.js';
import { paragraphs, renderMessage } from './layout.js';
import type { EmailTemplate } from './types.js';

export const campaignMilestoneData = z.object({
  signatureId: requiredText('Signature id', 100),
  name: requiredText('Name', 200),
  campaignTitle: requiredText('Campaign title', 300),
  campaignUrl: httpUrlField('Campaign URL'),
  milestoneTitle: requiredText('Milestone title', 200),
  milestoneDescription: optionalText('Milestone description', 2000),
});

export const campaignMilestoneTemplate: EmailTemplate<typeof campaignMilestoneData, 'unsubscribeUrl'> = {
  name: 'campaign-milestone',
  kind: 'bulk',
  data: campaignMilestoneData,
  links: {
    unsubscribeUrl: {
      label: 'Unsubscribe URL',
      request: (data) => ({ kind: 'campaign-updates-unsubscribe', signatureId: data.signatureId }),
    },
  },
  render(data, language, org, links) {
    const orgName = oneLine(org.name);
    const campaign = oneLine(data.campaignTitle);
    const milestone = oneLine(data.milestoneTitle);
    const copy =
      language === 'es'
        ? {
            subject: `Hito alcanzado en “${campaign}”: ${milestone}`,
            heading: `Un hito para “${campaign}”`,
            before: [`Hola, ${data.name}:`, `La campaña “${campaign}” ha alcanzado un hito: ${milestone}.`],
            after: ['Gracias por tu firma: ha ayudado a llegar hasta aquí.'],
            button: `Ver la campaña “${campaign}”`,
            reason: `Recibes este correo de ${orgName} porque, al firmar la petición “${campaign}”, pediste recibir noticias de esta campaña.`,
            label: 'Dejar de recibir correos sobre esta campaña',
          }
        : {
            subject: `Milestone reached on “${campaign}”: ${milestone}`,
            heading: `A milestone for “${campaign}”`,
            before: [
              `Hello ${data.name},`,
              `The campaign “${campaign}” has reached a milestone: ${milestone}.`,
            ],
            after: ['Thank you for your signature: it helped get here.'],
            button: `See the campaign “${campaign}”`,
            reason: `You are receiving this email from ${orgName} because you asked for updates about this campaign when you signed the petition “${campaign}”.`,
            label: 'Stop emails about this campaign',
          };
    const description = data.milestoneDescription
      .split(/\n{2,}/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    return renderMessage(
      language,
      org,
      copy,
      [
        ...paragraphs([...copy.before, ...description, ...copy.after]),
        { kind: 'button', label: copy.button, url: data.campaignUrl },
      ],
      { url: links.unsubscribeUrl, reason: copy.reason, label: copy.label },
    );
  },
};
