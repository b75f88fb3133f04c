// The pages a registration's emailed links open (confirm, cancel): before the button is pressed, the event and the
// one button (a POST form, no JavaScript needed); after, what happened. A link that does not work says so.
import type { Language } from '@ayni/domain/locale';
import { Form, Link } from '@remix-run/react';
import { eventText } from '../event-text.js';

interface EventLink {
  title: string;
  path: string;
  listPath: string;
}

export type LinkOutcome =
  | { kind: 'confirmed' | 'expired' | 'cancelled' | 'cancel-done'; event: EventLink }
  | { kind: 'waitlisted'; position: number; event: EventLink }
  | { kind: 'invalid' };

export function RegistrationLinkPage({
  lang,
  purpose,
  found,
  outcome,
}: {
  lang: Language;
  purpose: 'confirm' | 'cancel';
  found: ({ name: string; status: string } & EventLink) | null;
  outcome: LinkOutcome | undefined;
}) {
  const text = eventText(lang);
  if (!found || outcome?.kind === 'invalid') {
    return (
      <article className="campaign-step">
        <h1>{text.invalidTitle}</h1>
        <p>{text.invalidText}</p>
        <p>
          <Link to={found?.listPath ?? (lang === 'es' ? '/es/events' : '/events')}>{text.allEvents}</Link>
        </p>
      </article>
    );
  }
  if (outcome) {
    const [title, body] =
      outcome.kind === 'confirmed'
        ? [text.confirmedTitle, text.confirmedText(outcome.event.title)]
        : outcome.kind === 'waitlisted'
          ? [text.waitlistedTitle, text.waitlistedText(String(outcome.position))]
          : outcome.kind === 'expired'
            ? [text.expiredTitle, text.expiredText]
            : outcome.kind === 'cancelled'
              ? [text.cancelledTitle, text.cancelledText]
              : [text.cancelDoneTitle, text.cancelDoneText(outcome.event.title)];
    return (
      <article className="campaign-step">
        <h1>{title}</h1>
        <p>{body}</p>
        <p>
          <Link to={outcome.event.path}>{text.backToEvent(outcome.event.title)}</Link>
        </p>
      </article>
    );
  }
  if (found.status === 'cancelled') {
    return (
      <article className="campaign-step">
        <h1>{text.cancelledTitle}</h1>
        <p>{text.cancelledText}</p>
        <p>
          <Link to={found.path}>{text.backToEvent(found.title)}</Link>
        </p>
      </article>
    );
  }
  const confirm = purpose === 'confirm';
  return (
    <article className="campaign-step">
      <h1>{confirm ? text.confirmTitle : text.cancelTitle}</h1>
      <p>{confirm ? text.confirmIntro(found.name) : text.cancelIntro(found.name)}</p>
      <p>
        <Link to={found.path}>{found.title}</Link>
      </p>
      <Form method="post" reloadDocument>
        <button type="submit">{confirm ? text.confirmButton : text.cancelButton}</button>
      </Form>
      <p className="hint">{text.linkNote}</p>
    </article>
  );
}
