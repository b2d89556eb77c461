import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../../kernel/access.ts";
import { t, UnauthenticatedError, ValidationError } from "../../kernel/errors.ts";
import { countFailure } from "./login.ts";
import { logSecurityEvent } from "./security-log.ts";
import { createSession, deleteSession, type NewSession } from "./sessions.ts";
import { checkCode } from "./totp.ts";

/**
 * The second step of a login with a second factor (GB/T 22239-2019 8.1.4.1 d): the
 * session that the password opened (stage `code`) submits a TOTP code. A right code
 * ends that session and opens a new one with a new id (no session fixation); a wrong or
 * replayed code counts toward the lockout of 8.1.4.1 b like a wrong password, and the
 * fifth ends the pending session.
 */
export async function submitCode(
  db: Kysely<DB>,
  key: Buffer,
  now: Date,
  pending: { token: string; actor: Actor },
  code: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const a = pending.actor;
  const base = { username: a.username, userId: a.userId, regionCode: a.regionCode, ip: meta.ip };
  const user = await db
    .selectFrom("app_user")
    .select("locked_until")
    .where("id", "=", a.userId)
    .executeTakeFirstOrThrow();
  if (user.locked_until && user.locked_until.getTime() > now.getTime()) {
    await deleteSession(db, pending.token);
    await logSecurityEvent(db, now, { ...base, kind: "login_refused_locked" });
    throw new UnauthenticatedError(
      t("账户已锁定，请稍后重新登录", "the account is locked; log in again later"),
    );
  }
  const r = await checkCode(db, key, now, a.userId, code);
  if (r !== "ok") {
    const locked = await countFailure(
      db,
      now,
      base,
      "totp_failed",
      r === "replayed" ? "replayed_code" : "wrong_code",
    );
    if (locked) {
      throw new UnauthenticatedError(
        t("验证码错误次数过多，账户已锁定", "too many wrong codes; the account is locked"),
      );
    }
    throw new ValidationError(t("验证码不正确或已使用", "the code is wrong or already used"), [
      {
        field: "code",
        message: t("请输入验证器应用当前显示的 6 位数字", "enter the 6 digits the app shows now"),
      },
    ]);
  }
  await deleteSession(db, pending.token);
  await db
    .updateTable("app_user")
    .set({ failed_logins: 0, locked_until: null })
    .where("id", "=", a.userId)
    .execute();
  const session = await createSession(db, now, a.userId, meta, "full");
  await logSecurityEvent(db, now, {
    ...base,
    kind: "login_succeeded",
    detail: { secondFactor: "totp" },
  });
  return session;
}
