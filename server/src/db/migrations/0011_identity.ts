import { type Kysely, sql } from "kysely";
import { grantApp } from "./helpers.ts";

/**
 * Identity (issue 8):
 * - `user_totp`: a user's TOTP second factor (RFC 6238; GB/T 22239-2019 8.1.4.1 d: two
 *   or more authentication techniques, one of them cryptographic). The secret is stored
 *   SM4-encrypted by the field cipher (`sm4:v1:…`), never in clear; `confirmed_at` is set
 *   by the first valid code; `last_step` is the time step of the last accepted code, so
 *   a used code is refused (RFC 6238 §5.2).
 * - `session.stage`: `code` (password accepted, only a code may be submitted), `enrol`
 *   (password accepted, the account must enrol its factor before anything else) or
 *   `full`.
 * - `app_user.activated`: an account created by the system administrator has no
 *   password and cannot log in until the security administrator activates it (assigns
 *   its roles and receives the one-time password to hand over). Existing accounts are
 *   active.
 * Every open session ends: after the upgrade everyone logs in again, and the
 * administrators enrol their factor before anything else.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema state
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table user_totp (
      user_id bigint primary key references app_user(id) on delete cascade,
      secret_enc text not null check (secret_enc like 'sm4:v1:%'),
      created_at timestamptz not null,
      confirmed_at timestamptz,
      last_step bigint
    );
    alter table session add column stage text not null default 'full'
      check (stage in ('full', 'code', 'enrol'));
    alter table app_user add column activated boolean not null default true;
    delete from session;
  `.execute(db);
  await grantApp(db, "user_totp", ["select", "insert", "update", "delete"]);
}

export async function down(): Promise<void> {
  throw new Error("the identity migration cannot be reverted");
}
