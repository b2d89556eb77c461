import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../../kernel/access.ts";
import { DomainError, t, UnauthenticatedError } from "../../kernel/errors.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { logSecurityEvent } from "./security-log.ts";
import { createSession, loadActor, type NewSession } from "./sessions.ts";

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

const WRONG = t("用户名或密码错误", "wrong user name or password");

/** The moment as read in China (the platform's time zone), e.g. 2020-05-01 14:30. */
function beijing(d: Date): string {
  return d.toLocaleString("sv-SE", { timeZone: "Asia/Shanghai" }).slice(0, 16);
}

export async function login(db: Kysely<DB>, now: Date, input: LoginInput): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const user = await db
    .selectFrom("app_user")
    .select([
      "id",
      "password_hash",
      "locked_until",
      "disabled",
      "region_code",
      "must_change_password",
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
    await logSecurityEvent(db, now, { ...base, kind: "login_refused_locked" });
    throw new DomainError(
      "unauthenticated",
      t(
        `连续 ${MAX_FAILED_LOGINS} 次登录失败，账户已锁定，请于 ${beijing(user.locked_until)} 后再试`,
        `account locked after ${MAX_FAILED_LOGINS} failed logins; try again after ${user.locked_until.toISOString()}`,
      ),
    );
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok || user.disabled) {
    const row = await db
      .updateTable("app_user")
      .set((eb) => ({ failed_logins: eb("failed_logins", "+", 1) }))
      .where("id", "=", user.id)
      .returning("failed_logins")
      .executeTakeFirstOrThrow();
    await logSecurityEvent(db, now, {
      ...base,
      kind: "login_failed",
      detail: {
        reason: user.disabled ? "disabled" : "wrong_password",
        failures: row.failed_logins,
      },
    });
    if (row.failed_logins >= MAX_FAILED_LOGINS) {
      const until = new Date(now.getTime() + LOCK_MS);
      await db
        .updateTable("app_user")
        .set({ failed_logins: 0, locked_until: until })
        .where("id", "=", user.id)
        .execute();
      await logSecurityEvent(db, now, {
        ...base,
        kind: "account_locked",
        detail: { until: until.toISOString() },
      });
    }
    throw new UnauthenticatedError(WRONG);
  }
  await db
    .updateTable("app_user")
    .set({ failed_logins: 0, locked_until: null })
    .where("id", "=", user.id)
    .execute();
  const actor = await loadActor(db, user.id);
  if (!actor) throw new UnauthenticatedError(WRONG);
  const session = await createSession(db, now, user.id, {
    ip: input.ip,
    userAgent: input.userAgent,
  });
  await logSecurityEvent(db, now, { ...base, kind: "login_succeeded" });
  return { ...session, actor, mustChangePassword: user.must_change_password };
}
