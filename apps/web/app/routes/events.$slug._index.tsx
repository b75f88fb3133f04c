// /events/:slug and /es/events/:slug: one event — whether it is off or moved, when (in its own zone, the zone
// named), where (with an OpenStreetMap link), in person or online, access, places, the campaign it belongs to, the
// other language's version and "Add to calendar" — with schema.org Event JSON-LD. The accessibility facts come
// before the register form (or the external link, or a note; no form once cancelled). Registering is this route's
// action: parsed with the domain's schema in the page's language, then the registerForEvent use case; whatever
// happened, the reader is sent to the same "check your email" page.
import { getSettings } from '@ayni/db';
import { isDomainError, registrationInputSchemaFor } from '@ayni/domain';
import { eventCheckEmailPath, languageOfPath } from '@ayni/domain/paths';
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import {
  RegisterForm,
  type RegisterFormErrors,
  type RegisterFormValues,
} from '../components/register-form.js';
import { db } from '../db.server.js';
import { eventText } from '../event-text.js';
import { eventPage, findSiteEvent } from '../events.server.js';
import { firstErrors, formChecked, formField } from '../forms.server.js';
import { register } from '../registrations.server.js';
import { seoMeta } from '../seo.js';
import { siteContext } from '../site.server.js';

export async function loader({ request, params }: LoaderFunctionArgs) {
  return eventPage(await siteContext(request), params.slug ?? '');
}

const EMPTY: RegisterFormValues = {
  name: '',
  email: '',
  accessNeeds: '',
  consent: false,
  accessNeedsConsent: false,
};

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = languageOfPath(new URL(request.url).pathname);
  const [{ event, own }, settings] = await Promise.all([
    findSiteEvent(lang, params.slug ?? ''),
    getSettings(db()),
  ]);
  const form = await request.formData();
  const checkEmail = eventCheckEmailPath(lang, own.slug);
  // The honeypot: only a bot fills the field nobody sees; it gets the same answer and registers nothing.
  if (formField(form, 'website') !== '') return redirect(checkEmail, 303);
  const values: RegisterFormValues = {
    name: formField(form, 'name'),
    email: formField(form, 'email'),
    accessNeeds: formField(form, 'accessNeeds'),
    consent: formChecked(form, 'consent'),
    accessNeedsConsent: formChecked(form, 'accessNeedsConsent'),
  };
  const parsed = registrationInputSchemaFor(lang).safeParse({
    ...values,
    consent: values.consent ? true : undefined,
  });
  if (!parsed.success) {
    return data(
      { values, errors: firstErrors<keyof RegisterFormErrors>(parsed.error.issues) },
      { status: 400 },
    );
  }
  try {
    await register({ event, settings, lang, input: parsed.data });
  } catch (error) {
    // Closed (or cancelled, or started) between showing the form and sending it: the page now says so.
    if (isDomainError(error) && error.code === 'INVALID_TRANSITION') {
      const errors: RegisterFormErrors = { form: eventText(lang).register.closed };
      return data({ values, errors }, { status: 409 });
    }
    throw error;
  }
  return redirect(checkEmail, 303);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? seoMeta(data.seo) : []);

export default function EventPage() {
  const page = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const text = eventText(page.lang);
  const panel = page.registration;
  const other = page.translation;
  return (
    <article className="event">
      {page.status === 'cancelled' || page.status === 'rescheduled' ? (
        <div className={`notice ${page.status}`} role="status">
          <p>{page.status === 'cancelled' ? text.cancelledNotice : text.rescheduledNotice}</p>
        </div>
      ) : null}
      <h1>{page.title}</h1>
      {page.summary ? <p className="lede">{page.summary}</p> : null}
      {other ? (
        <p className="translation">
          <Link to={page.alternatePaths[other]!} lang={other} hrefLang={other}>
            {text.readTranslation}
          </Link>
        </p>
      ) : null}
      <dl className="event-facts">
        <dt>{text.when}</dt>
        <dd>
          <time dateTime={page.startDate}>{page.when}</time>
          <br />
          <a href={page.calendarPath} type="text/calendar">
            {text.addToCalendar}
          </a>
        </dd>
        <dt>{text.where}</dt>
        <dd>
          <p>{page.attendance}</p>
          {page.venue ? (
            <address>
              {page.venue.name}
              {page.venue.address ? (
                <>
                  <br />
                  {page.venue.address}
                </>
              ) : null}
              <br />
              <a href={page.venue.mapUrl}>{text.findOnMap(page.venue.name)}</a>
            </address>
          ) : null}
          {page.online ? <p>{text.onlineNote}</p> : null}
        </dd>
        {page.accessibility || page.accessibilityFacts.length > 0 ? (
          <>
            <dt>{text.accessibility}</dt>
            <dd>
              {page.accessibilityFacts.length > 0 ? (
                <ul className="access-facts">
                  {page.accessibilityFacts.map((fact) => (
                    <li key={fact}>{text.facts[fact]}</li>
                  ))}
                </ul>
              ) : null}
              {page.accessibility ? <p>{page.accessibility}</p> : null}
            </dd>
          </>
        ) : null}
        {page.places ? (
          <>
            <dt>{text.placesHeading}</dt>
            <dd>{page.places}</dd>
          </>
        ) : null}
        {page.campaign ? (
          <>
            <dt>{text.partOf}</dt>
            <dd>
              <Link to={page.campaign.path}>{page.campaign.title}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      {panel ? (
        <section className="register" aria-labelledby="register-heading">
          <h2 id="register-heading">{text.register.heading}</h2>
          {panel.mode === 'form' ? (
            <>
              <p>{panel.full ? text.register.fullIntro : text.register.intro}</p>
              <RegisterForm
                text={text.register}
                values={sent?.values ?? EMPTY}
                errors={sent?.errors ?? {}}
                consents={panel.consents}
              />
            </>
          ) : panel.mode === 'elsewhere' ? (
            <p>
              {text.register.elsewhere} <a href={panel.url}>{text.register.elsewhereLink}</a>
            </p>
          ) : (
            <p>{panel.mode === 'none' ? text.register.none : text.register.closed}</p>
          )}
        </section>
      ) : null}
      <div className="body" dangerouslySetInnerHTML={{ __html: page.html }} />
      <p>
        <Link to={page.listPath}>← {text.allEvents}</Link>
      </p>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: page.jsonLd }} />
    </article>
  );
}
