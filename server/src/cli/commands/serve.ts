import fs from "node:fs/promises";
import { loadConfig } from "../../db/config.ts";
import { openDatabase } from "../../db/connection.ts";
import { createRegistry } from "../../engines/registry.ts";
import { ensureLawLibrary } from "../../engines/search/laws.ts";
import { buildApp } from "../../http/app.ts";
import { loadModules } from "../../modules/index.ts";
import { anchorAllRegions, anchorIntervalMs } from "../../platform/audit/anchor.ts";
import { ensureFirstAdmin } from "../../platform/bootstrap.ts";
import { systemClock } from "../../platform/clock.ts";
import { acquireLock } from "../lock.ts";
import { CliError, servePidFile } from "../runtime.ts";
import { loadDemoIfEmpty } from "./demo.ts";

/** Anchor the audit chains every hour (FAZHI_ANCHOR_MINUTES) while serving. */
const ANCHOR_EVERY_MS = anchorIntervalMs(process.env.FAZHI_ANCHOR_MINUTES);

const running = false;
/** Whether this process is serving (and must not exit when the CLI's action returns). */
export const serving = () => running;

export async function serve(opts: { port?: number; host?: string }): Promise<void> {
  const config = loadConfig();
  // The data directory's lock before anything else (issue 8): of two cold starts on one
  // directory exactly one serves; the other stops here, before touching PostgreSQL.
  let unlock = async () => {};
  if (!config.databaseUrl) {
    await fs.mkdir(config.dataDir, { recursive: true });
    const lock = await acquireLock(servePidFile(config));
    if (!lock.ok) {
      throw new CliError(
        `Fazhi is already serving ${config.dataDir} (pid ${lock.pid}); stop it first, or set FAZHI_DATA_DIR to another directory`,
      );
    }
    unlock = lock.release;
  }
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    db = await openDatabase(config);
  } catch (e) {
    await unlock();
    throw e;
  }
  await ensureLawLibrary(db.owner, systemClock()); // the law library (engines/search)
  const first = await ensureFirstAdmin(
    db.owner,
    systemClock(),
    process.env.FAZHI_REGION ?? "500156",
  );
  if (first) {
    process.stdout.write(
      `\nFirst start: created the system administrator.\n  user name: ${first.username}\n  one-time password: ${first.password}\n(change it at first login, then enrol an authenticator app for the TOTP code; create the security and audit administrators with \`npx fazhi user add\`)\n\n`,
    );
  }
  const registry = createRegistry(await loadModules());
  if (process.env.FAZHI_NO_DEMO !== "1")
    await loadDemoIfEmpty(db, registry, { print: true, keyDir: config.keyDir });
  const app = await buildApp(
    { db, config, clock: systemClock, registry },
    { logger: process.env.FAZHI_LOG === "1" },
  );
  const port = opts.port ?? config.port;
  const host = opts.host ?? config.host;
  try {
    await app.listen({ port, host });
  } catch (e) {
    await app.close();
    await db.close();
    if (db.embedded) await db.embedded.stop();
    await unlock();
    const code = (e as { code?: string }).code;
    throw new CliError(code === "EADDRINUSE" ? `port ${port} is in use (set PORT)` : String(e));
  }
  process.stdout.write(
    `Fazhi is serving at http://${host === "0.0.0.0" ? "localhost" : host}:${port}\n`,
  );

  const anchor = () =>
    anchorAllRegions(db.owner, config, systemClock()).catch((e) =>
      process.stderr.write(`fazhi: anchoring failed: ${String(e)}\n`),
    );
  const timer = setInterval(anchor, ANCHOR_EVERY_MS);
  timer.unref();

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(timer);
    await app.close();
    await anchor();
    await db.close();
    // serve owns ./data: it stops the server it started or adopted.
    if (db.embedded) await db.embedded.stop();
    await unlock();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
