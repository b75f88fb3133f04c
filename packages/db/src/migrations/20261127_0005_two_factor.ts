// Frozen. better-auth's twoFactor plugin (authenticator-app codes at sign-in), as better-auth 1.7.25's
// compileMigrations() printed it on top of the earlier migrations (packages/auth/scripts/generate-migration-sql.ts).
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

const sqlite = [
  `alter table "user" add column "twoFactorEnabled" integer default 0`,
  `create table "twoFactor" ("id" text not null primary key, "secret" text not null, "backupCodes" text not null, "userId" text not null references "user" ("id") on delete cascade, "verified" integer, "failedVerificationCount" integer, "lockedUntil" date)`,
  `create index "twoFactor_secret_idx" on "twoFactor" ("secret")`,
  `create index "twoFactor_userId_idx" on "twoFactor" ("userId")`,
];

const postgres = [
  `alter table "user" add column "twoFactorEnabled" boolean default false`,
  `create table "twoFactor" ("id" text not null primary key, "secret" text not null, "backupCodes" text not null, "userId" text not null references "user" ("id") on delete cascade, "verified" boolean, "failedVerificationCount" integer, "lockedUntil" timestamptz)`,
  `create index "twoFactor_secret_idx" on "twoFactor" ("secret")`,
  `create index "twoFactor_userId_idx" on "twoFactor" ("userId")`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of isPostgres(db) ? postgres : sqlite) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('twoFactor').ifExists().execute();
  await db.schema.alterTable('user').dropColumn('twoFactorEnabled').execute();
}
