// The weekly digest (bulk mail): what the organisation published this week, with an unsubscribe link made for
// each recipient when it is sent.
import { requiredText } from '@ayni/domain';
import { z } from 'zod';
import { oneLine } from './escape.js';
import { httpUrlField } from './fields.js';
import { renderMessage, type Block } from './layout.js';
import type { EmailTemplate } from './types.js';

export const weeklyDigestData = z.object({
  articles: z
    .array(
      z.object({
        title: requiredText('Article title', 300),
        summary: requiredText('Article summary', 2000),
        url: httpUrlField('Article URL'),
      }),
      { error: 'Articles must be a list' },
    )
    .min(1, { error: 'The digest needs at least one article' }),
});

export const weeklyDigestTemplate: EmailTemplate<typeof weeklyDigestData, 'unsubscribeUrl'> = {
  name: 'weekly-digest',
  kind: 'bulk',
  data: weeklyDigestData,
  links: {
    unsubscribeUrl: {
      label: 'Unsubscribe URL',
      request: () => ({ kind: 'unsubscribe', list: 'weekly-digest' }),
    },
  },
  render(data, language, org, links) {
    const orgName = oneLine(org.name);
    const count = data.articles.length;
    const copy =
      language === 'es'
        ? {
            subject: `Boletín semanal de ${orgName}`,
            heading: 'Las noticias de la semana',
            intro:
              count === 1
                ? `Esta es la noticia que ${orgName} publicó esta semana.`
                : `Estas son las ${count} noticias que ${orgName} publicó esta semana.`,
            reason: `Recibes este boletín semanal porque te suscribiste a las noticias de ${orgName}.`,
          }
        : {
            subject: `This week's news from ${orgName}`,
            heading: "This week's news",
            intro:
              count === 1
                ? `Here is the article ${orgName} published this week.`
                : `Here are the ${count} articles ${orgName} published this week.`,
            reason: `You are receiving this weekly digest because you subscribed to news from ${orgName}.`,
          };
    const blocks: Block[] = [
      { kind: 'paragraph', text: copy.intro },
      ...data.articles.map((article) => ({
        kind: 'article' as const,
        title: article.title,
        summary: article.summary,
        url: article.url,
      })),
    ];
    return renderMessage(language, org, copy, blocks, { url: links.unsubscribeUrl, reason: copy.reason });
  },
};
