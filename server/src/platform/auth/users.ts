import { randomBytes } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { validateRoleSet } from "../../kernel/access.ts";
import { t, ValidationError } from "../../kernel/errors.ts";
import { generatePassword, hashPassword, passwordProblems } from "./passwords.ts";

export interface NewUser {
  username: string;
  displayName: string;
  unitId: number;
  roles: string[];
  /** Omitted: a one-time password is generated and must be changed at first login. */
  password?: string;
}

/** Create an account; returns the id and the one-time password when one was generated. */
export async function createUser(
  db: Kysely<DB> | Transaction<DB>,
  input: NewUser,
  opts: {
    allowNoRole?: boolean;
    /**
     * Created by the system administrator: no usable password (a random one nobody
     * sees) and not activated; the security administrator activates it (activateUser).
     */
    pending?: boolean;
  } = {},
): Promise<{ id: number; oneTimePassword: string | undefined }> {
  const username = input.username.trim().toLowerCase();
  const fields = [];
  if (!/^[a-z0-9_.-]{3,64}$/.test(username)) {
    fields.push({
      field: "username",
      message: t("3–64 位，只能使用小写字母、数字和 _ . -", "3–64 characters: a-z, 0-9, _ . -"),
    });
  }
  if (!input.displayName.trim())
    fields.push({ field: "displayName", message: t("必填", "required") });
  const oneTimePassword =
    input.password === undefined && !opts.pending ? generatePassword() : undefined;
  const password =
    input.password ?? oneTimePassword ?? `${randomBytes(32).toString("base64url")}aA1-`;
  fields.push(...passwordProblems(password, username));
  let roles: string[] = [];
  try {
    // An account created over HTTP has no role until the security administrator gives one.
    if (!(opts.allowNoRole && input.roles.length === 0)) roles = validateRoleSet(input.roles);
  } catch (e) {
    if (e instanceof ValidationError) fields.push(...(e.fields ?? []));
    else throw e;
  }
  const unit = await db
    .selectFrom("unit")
    .select(["id", "region_code"])
    .where("id", "=", input.unitId)
    .executeTakeFirst();
  if (!unit)
    fields.push({ field: "unitId", message: t("没有这个单位", `no unit ${input.unitId}`) });
  const taken = await db
    .selectFrom("app_user")
    .select("id")
    .where("username", "=", username)
    .executeTakeFirst();
  if (taken)
    fields.push({
      field: "username",
      message: t(`用户名 ${username} 已被使用`, `user name ${username} is taken`),
    });
  if (fields.length > 0)
    throw new ValidationError(t("新账户的信息有误", "the new account is not valid"), fields);

  const row = await db
    .insertInto("app_user")
    .values({
      username,
      display_name: input.displayName.trim(),
      region_code: unit!.region_code,
      unit_id: unit!.id,
      password_hash: await hashPassword(password),
      must_change_password: oneTimePassword !== undefined,
      activated: !opts.pending,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (roles.length > 0) {
    await db
      .insertInto("user_role")
      .values(roles.map((role) => ({ user_id: row.id, role })))
      .execute();
  }
  return { id: row.id, oneTimePassword };
}

/**
 * Activate an account the system administrator created (issue 8, the one-time password
 * hand-off): its roles and a fresh one-time password, which only the security
 * administrator who activates it receives, to hand to the holder. The account must
 * change it at first login. Callers check the roles and the target.
 */
export async function activateUser(
  db: Kysely<DB> | Transaction<DB>,
  userId: number,
  roles: readonly string[],
): Promise<string> {
  const oneTimePassword = generatePassword();
  await db
    .updateTable("app_user")
    .set({
      password_hash: await hashPassword(oneTimePassword),
      must_change_password: true,
      activated: true,
      failed_logins: 0,
      locked_until: null,
    })
    .where("id", "=", userId)
    .execute();
  await db.deleteFrom("user_role").where("user_id", "=", userId).execute();
  await db
    .insertInto("user_role")
    .values(roles.map((role) => ({ user_id: userId, role })))
    .execute();
  await db.deleteFrom("session").where("user_id", "=", userId).execute();
  return oneTimePassword;
}
