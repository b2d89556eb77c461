import { dirname, join } from "node:path";
import { sql, type Transaction } from "kysely";
import { sofficeSetting } from "../../db/config.ts";
import type { Database } from "../../db/connection.ts";
import type { DB } from "../../db/schema.ts";
import { type Actor, isRoleCode, type RoleCode } from "../../kernel/access.ts";
import { ConflictError } from "../../kernel/errors.ts";
import { type LocalDate, parseLocalDate, toLocalDate } from "../../kernel/time/index.ts";
import { recordAudit } from "../../platform/audit/record.ts";
import { loadActor } from "../../platform/auth/sessions.ts";
import { storeSecret } from "../../platform/auth/totp.ts";
import { isAdministrator } from "../../platform/auth/totp-setting.ts";
import { createUser } from "../../platform/auth/users.ts";
import { legalCalendar } from "../../platform/calendar.ts";
import { type Clock, systemClock } from "../../platform/clock.ts";
import { loadOrCreateFieldKey } from "../../platform/crypto/keys.ts";
import { type PdfConverter, pdfConverter } from "../../platform/documents/pdf.ts";
import { type FileStore, LocalFileStore } from "../../platform/files/store.ts";
import { inWork } from "../../platform/work.ts";
import { type CaseEngine, caseEngine } from "../case/index.ts";
import { type RegisterEngine, registerEngine } from "../register/index.ts";
import type { Registry } from "../registry.ts";
import {
  DEMO_NOW,
  DEMO_PASSWORD,
  DEMO_REGION,
  DEMO_SEED,
  DEMO_TOTP_SECRET,
  type DemoContext,
  type DemoContribution,
  type DemoUnit,
  type DemoUser,
  type NewDemoUser,
} from "./declare.ts";
import { orderContributions } from "./order.ts";
import { demoRandom } from "./random.ts";

export { DemoOrderError, orderContributions } from "./order.ts";

/**
 * The demo loader: runs the modules' demo contributions, in dependency order, each in
 * its own transaction, into the current database — once. That the demo was loaded is
 * recorded in the audit trail itself (events `demo.load`, then `demo.loaded` or
 * `demo.failed`, on the chain `demo:<region>`), so no table of its own is needed and a
 * second load is refused.
 */

/** A contribution failed; the message names it, the cause is the original error. */
export class DemoLoadError extends Error {
  override name = "DemoLoadError";
}

export interface LoadDemoOptions {
  /** The same seed gives the same demo (default DEMO_SEED). */
  seed?: string;
  /** When the load itself is recorded (the demo's records use the fixed demo dates). */
  clock?: Clock;
  /** The key directory (config.keyDir): the field key for encrypted ID and phone numbers. */
  keyDir?: string;
  /**
   * Where files go (config.fileDir): the published documents' public .docx and PDF.
   * Default: `files` beside the key directory (as in the default layout of the data
   * directory). The PDFs are made when LibreOffice is there (FAZHI_SOFFICE), else queued.
   */
  fileDir?: string;
  /** A line per contribution as it finishes (`fazhi demo` prints them to stderr). */
  onProgress?: (line: string) => void;
  /** Each contribution as it starts: its place, the count, and what it loads. */
  onStart?: (c: { id: string; index: number; total: number; description?: string }) => void;
  /**
   * The day the demo is loaded on (YYYY-MM-DD, Asia/Shanghai; default: the clock's day):
   * the current year's work in progress is dated relative to it (2019–2020 keep their
   * fixed dates).
   */
  today?: string;
}

export interface DemoLoadResult {
  seed: string;
  regionCode: string;
  now: Date;
  /** The day the demo was loaded on: the current year's work is dated relative to it. */
  today: LocalDate;
  contributions: { id: string; description?: string; notes: string[]; ms: number }[];
  /** The accounts the contributions created, all with `password`. */
  users: (DemoUser & { unitNameZh: string; unitKind: string })[];
  password: string;
}

export interface DemoStatus {
  /** A load was started (and then finished or failed). */
  started: boolean;
  finished: boolean;
  at?: Date;
  seed?: string;
  /** What stopped an unfinished load, when known. */
  failure?: string;
}

const ENTITY = "demo";

/** Whether (and how) the demo was loaded into this database, read from the audit trail. */
export async function demoStatus(db: Database, regionCode = DEMO_REGION): Promise<DemoStatus> {
  const rows = await db.owner
    .selectFrom("audit_event")
    .select(["action", "occurred_at", "after"])
    .where("region_code", "=", regionCode)
    .where("entity_type", "=", ENTITY)
    .where("entity_id", "=", regionCode)
    .orderBy("seq")
    .execute();
  const start = rows.find((r) => r.action === "demo.load");
  if (!start) return { started: false, finished: false };
  const after = (start.after ?? {}) as { seed?: string };
  const failed = rows.find((r) => r.action === "demo.failed");
  return {
    started: true,
    finished: rows.some((r) => r.action === "demo.loaded"),
    at: start.occurred_at,
    seed: after.seed,
    failure: failed ? String((failed.after as { error?: string } | null)?.error ?? "") : undefined,
  };
}

function refusal(s: DemoStatus): ConflictError {
  const when = s.at ? ` on ${s.at.toISOString()}` : "";
  if (s.finished) {
    return new ConflictError(
      `the demo is already loaded (loaded${when} with seed "${s.seed}"); it is loaded once per database — use a fresh data directory or database for another`,
    );
  }
  return new ConflictError(
    `a demo load started${when} and did not finish${s.failure ? ` (${s.failure})` : ""}; load the demo into a fresh data directory or database`,
  );
}

/**
 * The instant of a demo day: "2020-03-04" is 09:00 in Asia/Shanghai (UTC+8 all year,
 * no daylight saving since 1991), "2020-03-04 14:30" (or "…T14:30") that time.
 */
export function demoInstant(onDate: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(onDate);
  if (!m) throw new RangeError(`demo date "${onDate}": expected YYYY-MM-DD or YYYY-MM-DD HH:mm`);
  const day = parseLocalDate(m[1], "onDate");
  const hh = m[2] ?? "09";
  const mm = m[3] ?? "00";
  if (Number(hh) > 23 || Number(mm) > 59) throw new RangeError(`demo date "${onDate}": bad time`);
  return new Date(`${day}T${hh}:${mm}:00+08:00`);
}

/** Load the demo; refuses (ConflictError) when it was loaded before. */
export async function loadDemo(
  db: Database,
  registry: Registry,
  options: LoadDemoOptions = {},
): Promise<DemoLoadResult> {
  const seed = options.seed ?? DEMO_SEED;
  const clock = options.clock ?? systemClock;
  const regionCode = DEMO_REGION;
  const ordered = orderContributions(registry.demo());
  if (ordered.length === 0) throw new DemoLoadError("no module contributes to the demo");

  // Claim the load: one at a time (advisory lock), refused when already claimed.
  await db.owner.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('fazhi.demo'))`.execute(trx);
    const status = await demoStatus({ ...db, owner: trx }, regionCode);
    if (status.started) throw refusal(status);
    await recordAudit(
      trx,
      { actor: undefined, ip: null, now: clock() },
      {
        regionCode,
        action: "demo.load",
        entityType: ENTITY,
        entityId: regionCode,
        after: { seed, demoNow: DEMO_NOW.toISOString(), contributions: ordered.map((c) => c.id) },
      },
    );
  });

  const result: DemoLoadResult = {
    seed,
    regionCode,
    now: DEMO_NOW,
    today: options.today ? parseLocalDate(options.today) : toLocalDate(clock()),
    contributions: [],
    users: [],
    password: DEMO_PASSWORD,
  };
  const actors = new Map<string, Actor>();
  let key: Promise<Buffer> | undefined;
  const fieldKey = (): Promise<Buffer> => {
    const dir = options.keyDir;
    if (!dir) {
      return Promise.reject(
        new Error("this demo writes encrypted fields: load it with the key directory (keyDir)"),
      );
    }
    key ??= loadOrCreateFieldKey(dir);
    return key;
  };
  // The engines, bound once for every contribution (the field key read on first use).
  const engines = {
    cases: caseEngine(async () => ({
      registry,
      calendar: (db) => legalCalendar(db, clock().getTime()),
      fieldKey: await fieldKey(),
      ...(await demoFiles(options)),
    })),
    registers: registerEngine(async () => ({ fieldKey: await fieldKey() })),
  };
  for (const c of ordered) {
    const started = Date.now();
    const notes: string[] = [];
    options.onStart?.({
      id: c.id,
      index: result.contributions.length + 1,
      total: ordered.length,
      ...(c.description ? { description: c.description } : {}),
    });
    try {
      await db.owner.transaction().execute(async (trx) => {
        const ctx = makeContext(
          db,
          registry,
          trx,
          c,
          seed,
          notes,
          actors,
          result,
          fieldKey,
          engines,
        );
        await c.load(ctx);
      });
    } catch (e) {
      const message = `demo contribution "${c.id}" failed: ${(e as Error)?.message ?? String(e)}`;
      await db.owner
        .transaction()
        .execute((trx) =>
          recordAudit(
            trx,
            { actor: undefined, ip: null, now: clock() },
            {
              regionCode,
              action: "demo.failed",
              entityType: ENTITY,
              entityId: regionCode,
              after: { contribution: c.id, error: message.slice(0, 2000) },
            },
          ),
        )
        .catch(() => undefined);
      throw new DemoLoadError(message, { cause: e });
    }
    const ms = Date.now() - started;
    result.contributions.push({ id: c.id, description: c.description, notes, ms });
    options.onProgress?.(
      `[${result.contributions.length}/${ordered.length}] ${c.id}: ${ms} ms${notes[0] ? ` — ${notes[0]}` : ""}`,
    );
  }

  // Data written in a few long transactions is never analysed by autovacuum in time: the
  // planner would guess the tables empty and scan a region for a primary-key lookup under
  // row-level security (issue 9). Table statistics now, for the plans that follow.
  await sql`analyze`.execute(db.owner);
  await db.owner.transaction().execute((trx) =>
    recordAudit(
      trx,
      { actor: undefined, ip: null, now: clock() },
      {
        regionCode,
        action: "demo.loaded",
        entityType: ENTITY,
        entityId: regionCode,
        after: {
          seed,
          contributions: result.contributions.map((c) => ({ id: c.id, notes: c.notes })),
          users: result.users.length,
        },
      },
    ),
  );
  return result;
}

function makeContext(
  db: Database,
  registry: Registry,
  trx: Transaction<DB>,
  contribution: DemoContribution,
  seed: string,
  notes: string[],
  actors: Map<string, Actor>,
  result: DemoLoadResult,
  fieldKey: () => Promise<Buffer>,
  engines: { cases: CaseEngine; registers: RegisterEngine },
): DemoContext {
  const unitRow = async (code: string, regionCode: string) =>
    trx
      .selectFrom("unit")
      .select(["id", "name_zh", "kind"])
      .where("region_code", "=", regionCode)
      .where("code", "=", code)
      .executeTakeFirst();

  const ctx: DemoContext = {
    trx,
    db: db.owner,
    database: db,
    registry,
    rng: demoRandom(seed, contribution.id),
    now: DEMO_NOW,
    today: result.today,
    seed,
    regionCode: DEMO_REGION,
    password: DEMO_PASSWORD,
    at: demoInstant,
    fieldKey,
    cases: engines.cases,
    registers: engines.registers,

    async as(username, onDate, fn) {
      let actor = actors.get(username);
      if (!actor) {
        const user = await db.owner
          .selectFrom("app_user")
          .select("id")
          .where("username", "=", username)
          .executeTakeFirst();
        if (!user) {
          const mine = await trx
            .selectFrom("app_user")
            .select("id")
            .where("username", "=", username)
            .executeTakeFirst();
          throw new Error(
            mine
              ? `demo user ${username} was created in this contribution ("${contribution.id}"); act as it in a contribution that depends on this one`
              : `no demo user ${username} (is the contribution that creates it among "${contribution.id}"'s dependencies?)`,
          );
        }
        actor = await loadActor(db.owner, user.id);
        if (!actor) throw new Error(`demo user ${username} is disabled`);
        actors.set(username, actor);
      }
      const now = demoInstant(onDate);
      try {
        return await inWork(db.app, actor, now, null, async (w) => {
          // A lock held by this contribution's own `trx` would otherwise wait forever.
          await sql`set local lock_timeout = '10s'`.execute(w.trx);
          return fn(w);
        });
      } catch (e) {
        if ((e as { code?: string }).code === "55P03") {
          throw new Error(
            `${username}'s work on ${onDate} waited for a lock held by the contribution's own transaction: write a record either through ctx.trx or through ctx.as, not both`,
            { cause: e },
          );
        }
        throw e;
      }
    },

    async unitId(code, regionCode = DEMO_REGION) {
      const u = await unitRow(code, regionCode);
      if (!u) throw new Error(`no unit "${code}" in region ${regionCode}`);
      return u.id;
    },

    async userId(username) {
      const u = await trx
        .selectFrom("app_user")
        .select("id")
        .where("username", "=", username)
        .executeTakeFirst();
      if (!u) throw new Error(`no user "${username}"`);
      return u.id;
    },

    async units(filter = {}) {
      let q = trx
        .selectFrom("unit")
        .select(["id", "region_code", "code", "name_zh", "name_en", "kind", "parent_id"]);
      if (filter.regionCode) q = q.where("region_code", "=", filter.regionCode);
      if (filter.kind !== undefined) {
        const kinds = typeof filter.kind === "string" ? [filter.kind] : [...filter.kind];
        if (kinds.length === 0) return [];
        q = q.where("kind", "in", kinds);
      }
      const rows = await q.orderBy("region_code").orderBy("code").execute();
      return rows.map(
        (r): DemoUnit => ({
          id: r.id,
          regionCode: r.region_code,
          code: r.code,
          nameZh: r.name_zh,
          nameEn: r.name_en,
          kind: r.kind,
          parentId: r.parent_id,
        }),
      );
    },

    async users(filter = {}) {
      let q = trx
        .selectFrom("app_user as u")
        .innerJoin("unit", "unit.id", "u.unit_id")
        .select([
          "u.id",
          "u.username",
          "u.display_name",
          "u.region_code",
          "u.unit_id",
          "unit.code as unit_code",
          sql<
            string[]
          >`array(select r.role from user_role r where r.user_id = u.id order by r.role)`.as(
            "roles",
          ),
        ]);
      if (filter.regionCode) q = q.where("u.region_code", "=", filter.regionCode);
      if (filter.unit) q = q.where("unit.code", "=", filter.unit);
      if (filter.role) {
        const role = filter.role;
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom("user_role as r")
              .select("r.user_id")
              .whereRef("r.user_id", "=", "u.id")
              .where("r.role", "=", role),
          ),
        );
      }
      const rows = await q.orderBy("u.username").execute();
      return rows.map(
        (r): DemoUser => ({
          id: r.id,
          username: r.username,
          displayName: r.display_name,
          regionCode: r.region_code,
          unitId: r.unit_id,
          unitCode: r.unit_code,
          roles: r.roles.filter(isRoleCode) as RoleCode[],
        }),
      );
    },

    async createUser(u: NewDemoUser) {
      const regionCode = u.regionCode ?? DEMO_REGION;
      const unit =
        typeof u.unit === "number"
          ? await trx
              .selectFrom("unit")
              .select(["id", "code", "name_zh", "kind", "region_code"])
              .where("id", "=", u.unit)
              .executeTakeFirst()
          : await trx
              .selectFrom("unit")
              .select(["id", "code", "name_zh", "kind", "region_code"])
              .where("region_code", "=", regionCode)
              .where("code", "=", u.unit)
              .executeTakeFirst();
      if (!unit) throw new Error(`demo user ${u.username}: no unit "${u.unit}" in ${regionCode}`);
      // An explicit password: must_change_password stays false (demo accounts only).
      const { id } = await createUser(trx, {
        username: u.username,
        displayName: u.displayName,
        unitId: unit.id,
        roles: u.roles,
        password: DEMO_PASSWORD,
      });
      // The demo's administrators come enrolled with the published demo secret.
      if (isAdministrator(u.roles)) {
        const at = u.onDate ? demoInstant(u.onDate) : DEMO_NOW;
        await storeSecret(trx, await fieldKey(), at, id, DEMO_TOTP_SECRET, at);
      }
      await recordAudit(
        trx,
        { actor: undefined, ip: null, now: u.onDate ? demoInstant(u.onDate) : DEMO_NOW },
        {
          regionCode: unit.region_code,
          action: "user.create",
          entityType: "user",
          entityId: id,
          after: {
            username: u.username,
            displayName: u.displayName,
            unitId: unit.id,
            roles: u.roles,
            via: "demo",
          },
        },
      );
      result.users.push({
        id,
        username: u.username,
        displayName: u.displayName,
        regionCode: unit.region_code,
        unitId: unit.id,
        unitCode: unit.code,
        unitNameZh: unit.name_zh,
        unitKind: unit.kind,
        roles: [...u.roles],
      });
      return id;
    },

    note(line) {
      notes.push(line);
    },
  };
  return ctx;
}

/** The demo's file store and PDF converter (public files of published documents). */
async function demoFiles(
  options: LoadDemoOptions,
): Promise<{ files: FileStore; pdf?: PdfConverter }> {
  const dir =
    options.fileDir ?? (options.keyDir ? join(dirname(options.keyDir), "files") : undefined);
  if (!dir) {
    const none = () => Promise.reject(new Error("load the demo with a file directory (fileDir)"));
    return { files: { put: none, get: none, has: async () => false } };
  }
  const pdf = await pdfConverter(sofficeSetting());
  return { files: new LocalFileStore(dir), ...(pdf ? { pdf } : {}) };
}
