/**
 * Crash bench (issue 8; not part of `npm test`): kill -9 in the middle of writes, then
 * restart and check that nothing was half-written.
 *
 *   npm run bench:crash -- [--rows 100000] [--runs 20]
 *                          [--targets external,embedded-app,embedded-both]
 *                          [--url postgres://postgres@127.0.0.1:5432/postgres]
 *
 * Each run, on a fresh installation per target:
 * - `fazhi import cases penalty_simplified <csv> --as leader` imports a CSV of --rows
 *   rows (its own decision numbers per run), while a burst of case openings goes to
 *   `fazhi serve` over HTTP (8 concurrent writers);
 * - at a random moment within the import (calibrated by one import left to finish),
 *   kill -9 the import process and the server; on the embedded PostgreSQL either the
 *   app only (PostgreSQL survives as an orphan: `embedded-app`) or PostgreSQL's
 *   postmaster too (`embedded-both`: crash recovery at the next start);
 * - start `fazhi serve` again (it adopts the orphan or recovers the cluster) and check:
 *   every import batch is whole (its row count of cases, or no batch and no case of that
 *   run), every case the server acknowledged (201) is there, and the audit verifies.
 */
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { loadConfig } from "../server/src/db/config.ts";
import { openDatabase } from "../server/src/db/connection.ts";
import { readPostmasterPid } from "../server/src/db/embedded.ts";
import { verifyAudit } from "../server/src/platform/audit/verify.ts";
import { BIN, exited, type Serving, serve, stop } from "../server/test/support/fazhi-cli.ts";
import { arg, httpLogin, type Installation, install, penaltyFields } from "./support.ts";

const ROWS = Number(arg("rows", "100000"));
const RUNS = Number(arg("runs", "20"));
const TARGETS = arg("targets", "external,embedded-app,embedded-both").split(",");
const URL_ = arg(
  "url",
  process.env.FAZHI_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
);

const KEYS =
  "_state,_opened,step.decide_on_spot,step.file_with_body,step.close,number.decision,party.kind,party.name,party.address,category,place,facts,legalBasis,penaltyKind,fineAmount,paid";

/** A CSV of `n` closed simplified-procedure penalty cases, decision numbers of `year`. */
function csv(n: number, year: number): string {
  const lines = [KEYS];
  for (let i = 1; i <= n; i++) {
    const d = `${year}-03-0${1 + (i % 9)}`;
    lines.push(
      `closed,${d},${d},${d},${d},武隆市监简罚〔${year}〕${i}号,natural_person,当事人${i},重庆市武隆区巷口镇${i}号,market_regulation,武隆区巷口镇,当事人占道经营,《重庆市市容环境卫生管理条例》第二十条,fine,50,是`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function startImport(inst: Installation, file: string): ChildProcess {
  return spawn(
    process.execPath,
    [BIN, "import", "cases", "penalty_simplified", file, "--as", "leader"],
    { env: inst.env, cwd: os.tmpdir(), stdio: ["ignore", "ignore", "pipe"] },
  );
}

/** Case openings over HTTP until stopped; the ids the server acknowledged. */
function burst(port: number, writers = 8) {
  const acknowledged: number[] = [];
  let running = true;
  let errors = 0;
  const done = (async () => {
    const s = await httpLogin(port, "handler");
    await Promise.all(
      Array.from({ length: writers }, async () => {
        while (running) {
          try {
            const res = await fetch(`http://127.0.0.1:${port}/api/cases/penalty_general`, {
              method: "POST",
              headers: s.headers,
              body: JSON.stringify({ fields: penaltyFields(), onDate: "2024-06-03" }),
            });
            if (res.status === 201) acknowledged.push(((await res.json()) as { id: number }).id);
            else errors++;
          } catch {
            return; // the server is gone
          }
        }
      }),
    );
  })();
  return {
    acknowledged,
    errors: () => errors,
    stop: async () => {
      running = false;
      await done.catch(() => undefined);
    },
  };
}

interface Figures {
  target: string;
  runs: number;
  killedMidImport: number;
  /** Killed while the import's transaction had written rows (not while starting up). */
  killedWhileWriting: number;
  importsWhole: number;
  importsAbsent: number;
  partial: number;
  acknowledged: number;
  lost: number;
  auditFailures: number;
  restartSeconds: number[];
}

async function check(inst: Installation, year: number, acked: number[]) {
  const config = loadConfig(inst.env);
  const db = await openDatabase(config, { migrate: false });
  try {
    const batches = await db.owner
      .selectFrom("case_import")
      .select(["id", "rows", "region_code"])
      .where("file_name", "=", `crash-${year}.csv`)
      .execute();
    let whole = 0;
    let partial = 0;
    for (const b of batches) {
      const n = await db.owner
        .selectFrom("case_file")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("region_code", "=", b.region_code)
        .where("import_batch", "=", b.id)
        .executeTakeFirstOrThrow();
      if (Number(n.n) === b.rows && b.rows === ROWS) whole++;
      else partial++;
    }
    const present = new Set(
      acked.length
        ? (
            await db.owner.selectFrom("case_file").select("id").where("id", "in", acked).execute()
          ).map((r) => r.id)
        : [],
    );
    const lost = acked.filter((id) => !present.has(id)).length;
    const verify = await verifyAudit(db.owner, config);
    return { whole, partial, absent: batches.length === 0, lost, auditOk: verify.ok, verify };
  } finally {
    await db.close();
  }
}

/**
 * Whether the import is inside its write transaction: a transaction that has written
 * (it holds a transaction id) and has been open for more than 2 s (the server's case
 * openings take milliseconds).
 */
async function importWriting(inst: Installation): Promise<boolean> {
  const db = await openDatabase(loadConfig(inst.env), { migrate: false });
  try {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and backend_xid is not null
        and xact_start < now() - interval '2 seconds'`.execute(db.owner);
    return (rows[0]?.n ?? 0) > 0;
  } finally {
    await db.close();
  }
}

async function killPostmaster(dir: string) {
  const pm = await readPostmasterPid(path.join(dir, "pg"));
  if (pm) {
    try {
      process.kill(pm.pid, "SIGKILL");
    } catch {}
  }
}

async function runTarget(target: string): Promise<Figures> {
  const inst = await install(target === "external" ? URL_ : undefined);
  const f: Figures = {
    target,
    runs: 0,
    killedMidImport: 0,
    killedWhileWriting: 0,
    importsWhole: 0,
    importsAbsent: 0,
    partial: 0,
    acknowledged: 0,
    lost: 0,
    auditFailures: 0,
    restartSeconds: [],
  };
  let server: Serving | undefined;
  try {
    server = await serve(inst.env);
    // Calibration: one import left to finish (year 1999) gives the window to kill in.
    const calFile = path.join(inst.dir, "crash-1999.csv");
    await fs.writeFile(calFile, csv(ROWS, 1999));
    const t0 = Date.now();
    const cal = startImport(inst, calFile);
    await exited(cal);
    const importMs = Date.now() - t0;
    if (cal.exitCode !== 0) throw new Error(`the calibration import failed (${cal.exitCode})`);
    console.log(`${target}: a ${ROWS}-row import takes ${(importMs / 1000).toFixed(1)} s`);

    for (let run = 1; run <= RUNS; run++) {
      const year = 2000 + run;
      const file = path.join(inst.dir, `crash-${year}.csv`);
      await fs.writeFile(file, csv(ROWS, year));
      const b = burst(server.port);
      const imp = startImport(inst, file);
      // Most of an import's time is loading tsx and opening the database: kill within
      // the second half, where the rows are written.
      const at = importMs * (0.5 + Math.random() * 0.45);
      await new Promise((r) => setTimeout(r, at));
      const midImport = imp.exitCode === null;
      const writing = midImport && (await importWriting(inst));
      imp.kill("SIGKILL");
      server.proc.kill("SIGKILL");
      if (target === "embedded-both") await killPostmaster(inst.dir);
      await Promise.all([exited(imp), exited(server.proc), b.stop()]);
      if (midImport) f.killedMidImport++;
      if (writing) f.killedWhileWriting++;
      const r0 = Date.now();
      server = await serve(inst.env);
      f.restartSeconds.push((Date.now() - r0) / 1000);
      const c = await check(inst, year, b.acknowledged);
      f.runs++;
      f.importsWhole += c.whole;
      f.importsAbsent += c.absent ? 1 : 0;
      f.partial += c.partial;
      f.acknowledged += b.acknowledged.length;
      f.lost += c.lost;
      if (!c.auditOk) {
        f.auditFailures++;
        console.log(`  run ${run}: audit FAILED: ${c.verify.problems[0]?.message}`);
      }
      console.log(
        `  run ${run}: killed at ${(at / 1000).toFixed(1)} s (${midImport ? (writing ? "mid-import, in its write transaction" : "mid-import, before it wrote") : "after the import"}); import ${c.absent ? "absent" : c.whole ? "whole" : "PARTIAL"}; ${b.acknowledged.length} acknowledged openings, ${c.lost} lost; audit ${c.auditOk ? "ok" : "FAILED"}`,
      );
    }
  } finally {
    await stop(server?.proc);
    await inst.remove();
  }
  return f;
}

const all: Figures[] = [];
for (const target of TARGETS) all.push(await runTarget(target));
console.log(`\ncrash bench: ${ROWS}-row imports, ${RUNS} kill -9 runs per target`);
console.table(
  all.map((f) => ({
    target: f.target,
    runs: f.runs,
    "killed mid-import": f.killedMidImport,
    "…in its write transaction": f.killedWhileWriting,
    "imports whole": f.importsWhole,
    "imports absent": f.importsAbsent,
    "partial imports": f.partial,
    "acknowledged writes": f.acknowledged,
    "lost writes": f.lost,
    "audit failures": f.auditFailures,
    "restart s (median)": f.restartSeconds
      .sort((a, b) => a - b)
      [Math.floor(f.restartSeconds.length / 2)]?.toFixed(1),
  })),
);
const bad = all.some((f) => f.partial || f.lost || f.auditFailures);
process.exitCode = bad ? 1 : 0;
