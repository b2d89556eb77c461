import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { type FazhiConfig, loadConfig } from "../db/config.ts";
import { type Database, openDatabase } from "../db/connection.ts";
import { EmbeddedStartError } from "../db/embedded.ts";
import { DomainError, textOf } from "../kernel/errors.ts";
import { cliLang, say } from "./lang.ts";
import { liveFazhiProcess } from "./lock.ts";

/** Exit codes: 0 ok, 1 a check failed, 2 bad input or cannot run. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/**
 * The data directory's lock, held by the `fazhi serve` that owns it: created atomically
 * before anything else (cli/lock.ts), holding its pid.
 */
export function servePidFile(config: FazhiConfig): string {
  return path.join(config.dataDir, "serve.pid");
}

/** The pid of a live `fazhi serve` holding the data directory (not this process). */
export async function liveServePid(config: FazhiConfig): Promise<number | undefined> {
  try {
    const pid = Number((await fs.readFile(servePidFile(config), "utf8")).trim());
    if (!pid || pid === process.pid) return undefined;
    return liveFazhiProcess(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether there is a database to talk to without creating one. */
export function databaseExists(config: FazhiConfig): boolean {
  return Boolean(config.databaseUrl) || existsSync(path.join(config.dataDir, "pg", "PG_VERSION"));
}

/**
 * Run a CLI verb against the database: the external one, or the embedded server on
 * ./data — adopted when `npm start` (or anyone) runs it, else started for the verb and
 * stopped after it (unless a `serve` adopted it meanwhile).
 */
export async function withDatabase<T>(
  fn: (db: Database, config: FazhiConfig) => Promise<T>,
  config = loadConfig(),
  opts: { migrate?: boolean } = {},
): Promise<T> {
  const db = await openDatabase(config, { migrate: opts.migrate ?? true });
  try {
    return await fn(db, config);
  } finally {
    await db.close();
    if (db.embedded?.startedHere && !(await liveServePid(config))) await db.embedded.stop();
  }
}

/** Print an error the way a command line should: one clear line, no stack trace (Chinese unless --lang en). */
export function reportError(e: unknown): number {
  if (e instanceof CliError) {
    process.stderr.write(`fazhi: ${e.message}\n`);
    return e.exitCode;
  }
  if (e instanceof DomainError) {
    const lang = cliLang();
    const fields = e.fields?.map((f) => `  ${f.field}: ${textOf(f.message)[lang]}`).join("\n");
    process.stderr.write(`fazhi: ${e.text[lang]}\n${fields ? `${fields}\n` : ""}`);
    return 2;
  }
  if (e instanceof EmbeddedStartError) {
    process.stderr.write(`fazhi: ${e.message}\n`);
    return 2;
  }
  const code = (e as { code?: string }).code;
  if (code === "ECONNREFUSED") {
    process.stderr.write(
      `fazhi: ${say(`无法连接 PostgreSQL 数据库（${(e as Error).message}）`, `cannot reach PostgreSQL (${(e as Error).message})`)}\n`,
    );
    return 2;
  }
  process.stderr.write(`fazhi: ${(e as Error)?.stack ?? String(e)}\n`);
  return 1;
}
