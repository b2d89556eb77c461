/**
 * What the crash and soak benches share: a Fazhi installation in a temp directory (the
 * embedded PostgreSQL, or a fresh database on an external server), its accounts made
 * with known passwords, and an HTTP session against a running `fazhi serve`.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { loadConfig } from "../server/src/db/config.ts";
import { openDatabase } from "../server/src/db/connection.ts";
import { freePort } from "../server/src/db/embedded.ts";
import { makeUscc } from "../server/src/kernel/codes/uscc.ts";
import { createUser } from "../server/src/platform/auth/users.ts";
import { stopOrphan } from "../server/test/support/fazhi-cli.ts";

export const PASSWORD = "Bench-Crash-2026";

export interface Installation {
  dir: string;
  port: number;
  env: NodeJS.ProcessEnv;
  external: boolean;
  remove(): Promise<void>;
}

export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** A fresh installation with a unit, a unit leader ("leader") and a case handler ("handler"). */
export async function install(externalServerUrl?: string): Promise<Installation> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-bench-"));
  await fs.chmod(dir, 0o755);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FAZHI_DATA_DIR: dir,
    PORT: String(port),
    FAZHI_NO_DEMO: "1",
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_APP_URL;
  let dropDb = async (): Promise<void> => {};
  if (externalServerUrl) {
    const name = `fazhi_bench_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: externalServerUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(externalServerUrl);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    dropDb = async () => {
      const a = new pg.Client({ connectionString: externalServerUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    };
  }
  const config = loadConfig(env);
  const db = await openDatabase(config);
  try {
    const unit = await db.owner
      .insertInto("unit")
      .values({
        region_code: "500156",
        code: "scjgj",
        name_zh: "区市场监管局",
        name_en: "Market regulation",
        kind: "department",
        parent_id: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const [username, role] of [
      ["leader", "unit_leader"],
      ["handler", "case_handler"],
    ] as const) {
      await createUser(db.owner, {
        username,
        displayName: username,
        unitId: unit.id,
        roles: [role],
        password: PASSWORD,
      });
    }
  } finally {
    await db.close();
    if (db.embedded?.startedHere) await db.embedded.stop();
  }
  return {
    dir,
    port,
    env,
    external: Boolean(externalServerUrl),
    remove: async () => {
      await stopOrphan(dir);
      await dropDb();
      await fs.rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

export interface HttpSession {
  headers: Record<string, string>;
}

export async function httpLogin(port: number, username: string): Promise<HttpSession> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  const body = (await res.json()) as { csrfToken: string };
  return {
    headers: { cookie, "x-csrf-token": body.csrfToken, "content-type": "application/json" },
  };
}

let usccSeq = 100_000;
/** The fields of a new general penalty case (a legal person as party). */
export function penaltyFields() {
  return {
    party: {
      kind: "legal_person",
      name: "重庆市武隆区山泉食品有限公司",
      uscc: makeUscc("91", "500156", usccSeq++),
      legalRepresentative: "李四光",
      address: "武隆区凤山街道工业园区8号",
    },
    cause: "销售过期食品",
    category: "market_regulation",
    source: "inspection",
  };
}
