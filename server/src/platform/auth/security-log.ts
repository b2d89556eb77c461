import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";

/**
 * The security log (failed logins, lockouts, denied access, CSRF rejections…): an
 * append-only global table that the audit administrator reads. Written in its own
 * statement, outside the refused request's transaction, so a refusal leaves this
 * trace and nothing else.
 */
export interface SecurityEvent {
  kind: string;
  username?: string | null;
  userId?: number | null;
  regionCode?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

export async function logSecurityEvent(db: Kysely<DB>, at: Date, e: SecurityEvent): Promise<void> {
  await db
    .insertInto("security_event")
    .values({
      occurred_at: at,
      kind: e.kind,
      username: e.username ?? null,
      user_id: e.userId ?? null,
      region_code: e.regionCode ?? null,
      ip: e.ip ?? null,
      detail: JSON.stringify(e.detail ?? {}),
    })
    .execute();
}
