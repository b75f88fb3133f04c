// @ayni/domain: schemas, types and pure rules shared by the apps, the API and the jobs. No I/O; safe in a browser.
export * from './shared/errors.js';
export * from './shared/clock.js';
export * from './shared/ids.js';
export * from './shared/language.js';
export * from './shared/text.js';
export * from './shared/slug.js';
export * from './shared/email.js';
export * from './shared/person.js';
export * from './shared/consent.js';
export * from './shared/money.js';
export * from './shared/time.js';
export * from './shared/translations.js';
export * from './shared/paths.js';
export * from './shared/change.js';
export * from './shared/version.js';
export * from './shared/audit.js';

export * from './topics/schema.js';
export * from './topics/rules.js';
export type * from './topics/ports.js';
export * from './topics/service.js';

export * from './articles/schema.js';
export * from './articles/rules.js';
export * from './articles/visibility.js';
export * from './articles/views.js';
export type * from './articles/ports.js';
export * from './articles/service.js';

export * from './campaigns/schema.js';
export * from './campaigns/rules.js';
export * from './campaigns/consent.js';
export * from './campaigns/service.js';
export * from './campaigns/milestones.js';
export * from './campaigns/retention.js';
export * from './campaigns/moderation.js';
export * from './campaigns/editing.js';
export * from './campaigns/views.js';
export type * from './campaigns/ports.js';

export * from './members/schema.js';
export * from './members/rules.js';
export type * from './members/ports.js';

export * from './events/schema.js';
export * from './events/rules.js';
export * from './events/format.js';
export * from './events/views.js';
export * from './events/editing.js';
export * from './events/consent.js';
export * from './events/service.js';
export type * from './events/ports.js';

// Staff accounts (added by the auth work in this package).
export * from './staff/schema.js';
export * from './staff/permissions.js';
export * from './staff/rules.js';
export * from './staff/service.js';

export * from './settings/schema.js';
export * from './settings/service.js';

export * from './partners/schema.js';
export * from './partners/rules.js';
export * from './partners/views.js';
export type * from './partners/ports.js';
export * from './partners/service.js';
export * from './shared/address.js';
