import type { Kysely } from "kysely";
import type { DB, SessionStage } from "../../db/schema.ts";
import { type SettingDecl, settingsFor } from "../../engines/settings.ts";
import type { Actor } from "../../kernel/access.ts";
import { DomainError, t, UnauthenticatedError } from "../../kernel/errors.ts";
import { toLocalDate } from "../../kernel/time/index.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { logSecurityEvent } from "./security-log.ts";
import { createSession, loadActor, type NewSession } from "./sessions.ts";
import { hasFactor } from "./totp.ts";
import { isAdministrator, TOTP_FOR_ALL } from "./totp-setting.ts";

/**
 * Login failure handling (GB/T 22239-2019 8.1.4.1 b: "登录失败处理功能…限制非法登录次数"):
 * 5 consecutive failures lock the account for 15 minutes.
 */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60 * 1000;

// A fixed hash to verify against when the user does not exist, so that the answer
// takes as long for an unknown name as for a wrong password.
let dummyHash: Promise<string> | undefined;

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export interface LoginResult extends NewSession {
  actor: Actor;
  mustChangePassword: boolean;
}

/** The settings declarations login reads (the registry). */
export interface SettingLookup {
  setting(code: string): SettingDecl | undefined;
  settings(): SettingDecl[];
}

/**
 * What a correct password leads to (GB/T 22239-2019 8.1.4.1 d): `code` when the account
 * has a second factor (a session that can only submit it), `enrol` when it must have
 * one and has none yet (administrators always; others when their region's setting says
 * so), else `full`.
 */
export async function stageAfterPassword(
  db: Kysely<DB>,
  registry: SettingLookup,
  now: Date,
  actor: Actor,
): Promise<SessionStage> {
  if (await hasFactor(db, actor.userId)) return "code";
  if (isAdministrator(actor.roles)) return "enrol";
  const settings = await settingsFor(db, registry, actor.regionCode, toLocalDate(now));
  return settings<boolean>(TOTP_FOR_ALL) ? "enrol" : "full";
}

/**
 * Count a failed attempt (wrong password or wrong second-factor code) toward the lockout;
 * the fifth locks the account (and ends any session waiting for a code). Returns true
 * when this attempt locked it.
 */
export async function countFailure(
  db: Kysely<DB>,
  now: Date,
  base: { username: string; ip: string | null; userId: number; regionCode?: string },
  kind: "login_failed" | "totp_failed",
  reason: string,
): Promise<boolean> {
  const row = await db
    .updateTable("app_user")
    .set((eb) => ({ failed_logins: eb("failed_logins", "+", 1) }))
    .where("id", "=", base.userId)
    .returning("failed_logins")
    .executeTakeFirstOrThrow();
  await logSecurityEvent(db, now, {
    ...base,
    kind,
    detail: { reason, failures: row.failed_logins },
  });
  if (row.failed_logins < MAX_FAILED_LOGINS) return false;
  const until = new Date(now.getTime() + LOCK_MS);
  await db
    .updateTable("app_user")
    .set({ failed_logins: 0, locked_until: until })
    .where("id", "=", base.userId)
    .execute();
  await db
    .deleteFrom("session")
    .where("user_id", "=", base.userId)
    .where("stage", "=", "code")
    .execute();
  await logSecurityEvent(db, now, {
    ...base,
    kind: "account_locked",
    detail: { until: until.toISOString() },
  });
  return true;
}

// One answer for an unknown name, a wrong password and a locked account, so that the
// answer does not reveal which accounts exist or are locked (issue 8).
const WRONG = t("用户名或密码错误", "wrong user name or password");

/**
 * Slowing down by source address as well as by account: after this many failed logins
 * from one address within the window, that address is refused for the rest of the
 * window whatever the name (so one client cannot try every account, or lock them all).
 */
export const MAX_FAILED_PER_ADDRESS = 20;
export const ADDRESS_WINDOW_MS = 15 * 60 * 1000;

export async function login(
  db: Kysely<DB>,
  registry: SettingLookup,
  now: Date,
  input: LoginInput,
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  if (input.ip) {
    const since = new Date(now.getTime() - ADDRESS_WINDOW_MS);
    const r = await db
      .selectFrom("security_event")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("ip", "=", input.ip)
      .where("kind", "in", ["login_failed", "totp_failed"])
      .where("occurred_at", ">", since)
      .executeTakeFirstOrThrow();
    if (Number(r.n) >= MAX_FAILED_PER_ADDRESS) {
      await logSecurityEvent(db, now, {
        username,
        ip: input.ip,
        userId: null,
        kind: "login_refused_address",
      });
      throw new DomainError(
        "rate_limited",
        t(
          "该地址登录失败次数过多，请稍后再试",
          "too many failed logins from this address; try again later",
        ),
      );
    }
  }
  const user = await db
    .selectFrom("app_user")
    .select([
      "id",
      "password_hash",
      "locked_until",
      "disabled",
      "region_code",
      "must_change_password",
      "activated",
    ])
    .where("username", "=", username)
    .executeTakeFirst();
  const base = { username, ip: input.ip, userId: user?.id ?? null, regionCode: user?.region_code };

  if (!user) {
    dummyHash ??= hashPassword("not-a-real-password-0");
    await verifyPassword(await dummyHash, input.password);
    await logSecurityEvent(db, now, {
      ...base,
      kind: "login_failed",
      detail: { reason: "unknown_user" },
    });
    throw new UnauthenticatedError(WRONG);
  }
  if (user.locked_until && user.locked_until.getTime() > now.getTime()) {
    await verifyPassword(user.password_hash, input.password); // same time as any answer
    await logSecurityEvent(db, now, { ...base, kind: "login_refused_locked" });
    throw new UnauthenticatedError(WRONG);
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok || user.disabled || !user.activated) {
    const reason = !ok ? "wrong_password" : user.disabled ? "disabled" : "not_activated";
    await countFailure(db, now, { ...base, userId: user.id }, "login_failed", reason);
    throw new UnauthenticatedError(WRONG);
  }
  const actor = await loadActor(db, user.id);
  if (!actor) throw new UnauthenticatedError(WRONG);
  const stage = await stageAfterPassword(db, registry, now, actor);
  // With a second factor, the failure count is reset only by a right code: otherwise a
  // holder of the password could alternate it with guesses of the code for ever.
  if (stage !== "code") {
    await db
      .updateTable("app_user")
      .set({ failed_logins: 0, locked_until: null })
      .where("id", "=", user.id)
      .execute();
  }
  const session = await createSession(
    db,
    now,
    user.id,
    { ip: input.ip, userAgent: input.userAgent },
    stage,
  );
  await logSecurityEvent(db, now, {
    ...base,
    kind: stage === "code" ? "login_password_accepted" : "login_succeeded",
    ...(stage === "enrol" ? { detail: { secondFactor: "must_enrol" } } : {}),
  });
  return { ...session, actor, mustChangePassword: user.must_change_password };
}
