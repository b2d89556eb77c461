import type { FastifyRequest } from "fastify";
import type { Transaction } from "kysely";
import type { FazhiConfig } from "../db/config.ts";
import type { Database } from "../db/connection.ts";
import type { DB } from "../db/schema.ts";
import { withScope } from "../db/scope.ts";
import type { Actor, Permission } from "../kernel/access.ts";
import { UnauthenticatedError } from "../kernel/errors.ts";
import { type AuditChange, recordAudit } from "../platform/audit/record.ts";
import type { Clock } from "../platform/clock.ts";

export const SESSION_COOKIE = "fazhi_sid";

/** Who may call a route: anyone, any logged-in user, or holders of a permission. */
export type Access = "public" | "authenticated" | Permission | readonly Permission[];

declare module "fastify" {
  interface FastifyContextConfig {
    /** Required on every /api route; a route without it refuses to register. */
    access?: Access;
    /** State-changing routes check the CSRF token unless this is false (login). */
    csrf?: boolean;
    /** Reachable while the account still has its one-time password. */
    allowWithOneTimePassword?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    csrfToken: string | undefined;
    sessionToken: string | undefined;
  }
}

export interface Services {
  db: Database;
  config: FazhiConfig;
  clock: Clock;
}

/** The work of one request in one transaction, under the actor's data scope. */
export interface TenantTx {
  trx: Transaction<DB>;
  actor: Actor;
  now: Date;
  /** Record an audit event in this transaction. */
  audit(change: AuditChange): Promise<void>;
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
}

export function clientIp(req: FastifyRequest): string | null {
  return req.ip ?? null;
}

/**
 * Run `fn` in one transaction on the app role, with row-level security scoped to the
 * actor; every audit event it records commits or rolls back with the business data.
 */
export async function inTenantTx<T>(
  services: Services,
  req: FastifyRequest,
  fn: (tx: TenantTx) => Promise<T>,
): Promise<T> {
  const actor = requireActor(req);
  const now = services.clock();
  const scope = {
    regions: actor.regions,
    unitId: actor.scope === "unit" ? actor.unitId : undefined,
    userId: actor.userId,
  };
  return withScope(services.db.app, scope, (trx) =>
    fn({
      trx,
      actor,
      now,
      audit: (change) =>
        recordAudit(trx, { actor, ip: clientIp(req), now }, change).then(() => undefined),
    }),
  );
}
