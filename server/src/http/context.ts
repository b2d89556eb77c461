import type { FastifyRequest } from "fastify";
import type { FazhiConfig } from "../db/config.ts";
import type { Database } from "../db/connection.ts";
import type { SessionStage } from "../db/schema.ts";
import type { Registry } from "../engines/registry.ts";
import type { Actor, Permission } from "../kernel/access.ts";
import { UnauthenticatedError } from "../kernel/errors.ts";
import type { Clock } from "../platform/clock.ts";
import { inWork, type WorkTx } from "../platform/work.ts";

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
    /**
     * The session stages the route serves (default: only `full`): a session waiting for
     * the second factor (`code`) or for its enrolment (`enrol`) reaches nothing else.
     */
    stages?: readonly SessionStage[];
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    sessionStage: SessionStage | undefined;
    csrfToken: string | undefined;
    sessionToken: string | undefined;
  }
}

export interface Services {
  db: Database;
  config: FazhiConfig;
  clock: Clock;
  registry: Registry;
}

/** The work of one request: see platform/work.ts. */
export type TenantTx = WorkTx;

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
  fn: (tx: WorkTx) => Promise<T>,
): Promise<T> {
  return inWork(services.db.app, requireActor(req), services.clock(), clientIp(req), fn);
}

/**
 * `inTenantTx` for reads that tolerate a replica's lag of seconds (the indicators and
 * their drill-down): on the read replica when DATABASE_READ_URL is set, else on the
 * primary. Row-level security applies the same way (the scope is set per transaction).
 * Nothing written here: a standby refuses writes.
 */
export async function inTenantReadTx<T>(
  services: Services,
  req: FastifyRequest,
  fn: (tx: WorkTx) => Promise<T>,
): Promise<T> {
  const db = services.db.read ?? services.db.app;
  return inWork(db, requireActor(req), services.clock(), clientIp(req), fn);
}
