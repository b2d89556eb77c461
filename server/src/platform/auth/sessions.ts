import { createHash, randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { DB, SessionStage } from "../../db/schema.ts";
import { type Actor, isRoleCode, type RoleCode, scopeKindOf } from "../../kernel/access.ts";
import { logSecurityEvent } from "./security-log.ts";

/** Idle timeout (GB/T 22239-2019 8.1.4.1 b: "登录连接超时自动退出"). */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/**
 * Absolute lifetime: a session ends 12 hours after login however active it is (a
 * working day with margin), so a stolen cookie does not live for ever (GB/T 22239-2019
 * 8.1.4.1 b; issue 8).
 */
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/**
 * A session waiting for the second factor (stage `code`) lives 5 minutes: long enough to
 * open the authenticator app, short enough that a password alone holds nothing for long.
 */
export const PENDING_CODE_MS = 5 * 60 * 1000;
/** last_seen_at is refreshed at most this often, to keep reads cheap. */
const TOUCH_EVERY_MS = 60 * 1000;

export function tokenHash(token: string): string {
  return createHash("sm3").update(token).digest("hex");
}

export interface NewSession {
  token: string;
  csrfToken: string;
  stage: SessionStage;
}

export async function createSession(
  db: Kysely<DB>,
  now: Date,
  userId: number,
  meta: { ip: string | null; userAgent: string | null },
  stage: SessionStage = "full",
): Promise<NewSession> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await db
    .insertInto("session")
    .values({
      token_hash: tokenHash(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      stage,
    })
    .execute();
  return { token, csrfToken, stage };
}

export async function deleteSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom("session").where("token_hash", "=", tokenHash(token)).execute();
}

/** End every session of a user except `keepToken`'s (after a password change). */
export async function deleteOtherSessions(
  db: Kysely<DB>,
  userId: number,
  keepToken: string | undefined,
): Promise<void> {
  let q = db.deleteFrom("session").where("user_id", "=", userId);
  if (keepToken) q = q.where("token_hash", "<>", tokenHash(keepToken));
  await q.execute();
}

/** A user row with its roles and its region's subtree, as one statement reads them. */
interface ActorRow {
  id: number;
  username: string;
  display_name: string;
  region_code: string;
  unit_id: number;
  disabled: boolean;
  must_change_password: boolean;
  roles: string[];
  /** The user's region and every region below it, by code. */
  subtree: string[];
}

/**
 * The columns of an actor for `app_user u`: its roles and its region's subtree in
 * subqueries, so that a session or a user resolves in one round trip (issue 9).
 */
const ACTOR_COLUMNS = sql`u.id, u.username, u.display_name, u.region_code, u.unit_id,
  u.disabled, u.must_change_password,
  array(select r.role from user_role r where r.user_id = u.id order by r.role) as roles,
  array(with recursive tree as (
          select g.code from region g where g.code = u.region_code
          union all
          select g.code from region g join tree t on g.parent_code = t.code)
        select code from tree order by code) as subtree`;

function actorOf(user: ActorRow): Actor | undefined {
  if (user.disabled) return undefined;
  const roles = user.roles.filter(isRoleCode) as RoleCode[];
  const scope = scopeKindOf(roles);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    regionCode: user.region_code,
    unitId: user.unit_id,
    roles,
    // Region scope sees its region and those below it; unit scope its own region.
    regions: scope === "region" ? user.subtree : [user.region_code],
    scope,
    mustChangePassword: user.must_change_password,
  };
}

/** Build the actor (roles, data scope) of a user: one statement. */
export async function loadActor(db: Kysely<DB>, userId: number): Promise<Actor | undefined> {
  const { rows } = await sql<ActorRow>`select ${ACTOR_COLUMNS} from app_user u
    where u.id = ${userId}`.execute(db);
  return rows[0] ? actorOf(rows[0]) : undefined;
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  /** `code`: only the second factor may be submitted; `enrol`: only enrolment. */
  stage: SessionStage;
}

/** The session behind a cookie token, or undefined (unknown, expired by idling). */
export async function resolveSession(
  db: Kysely<DB>,
  now: Date,
  token: string,
  ip: string | null,
): Promise<ResolvedSession | undefined> {
  const hash = tokenHash(token);
  // The session, its user, the user's roles and regions: one statement.
  const { rows } = await sql<
    ActorRow & {
      user_id: number;
      csrf_token: string;
      last_seen_at: Date;
      created_at: Date;
      stage: SessionStage;
    }
  >`select s.user_id, s.csrf_token, s.last_seen_at, s.created_at, s.stage, ${ACTOR_COLUMNS}
      from session s join app_user u on u.id = s.user_id
     where s.token_hash = ${hash}`.execute(db);
  const s = rows[0];
  if (!s) return undefined;
  const idle = now.getTime() - s.last_seen_at.getTime();
  const age = now.getTime() - s.created_at.getTime();
  const pendingTooLong = s.stage === "code" && age > PENDING_CODE_MS;
  if (idle > IDLE_TIMEOUT_MS || age > ABSOLUTE_LIFETIME_MS || pendingTooLong) {
    await db.deleteFrom("session").where("token_hash", "=", hash).execute();
    await logSecurityEvent(db, now, {
      kind: "session_expired",
      userId: s.user_id,
      ip,
      detail: {
        idleSeconds: Math.round(idle / 1000),
        ageSeconds: Math.round(age / 1000),
        reason: pendingTooLong ? "code_not_given" : idle > IDLE_TIMEOUT_MS ? "idle" : "lifetime",
      },
    });
    return undefined;
  }
  const actor = actorOf(s);
  if (!actor) return undefined;
  if (idle > TOUCH_EVERY_MS) {
    await db
      .updateTable("session")
      .set({ last_seen_at: now })
      .where("token_hash", "=", hash)
      .execute();
  }
  return { actor, csrfToken: s.csrf_token, stage: s.stage };
}
