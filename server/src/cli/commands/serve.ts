import fs from "node:fs/promises";
import { loadConfig } from "../../db/config.ts";
import { openDatabase } from "../../db/connection.ts";
import type { buildApp } from "../../http/app.ts";
import { say } from "../lang.ts";
import { startLoadingServer } from "../loading-page.ts";
import { acquireLock } from "../lock.ts";
import { CliError, servePidFile } from "../runtime.ts";
import { traceStart } from "../trace.ts";

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
        say(
          `法治平台已在使用数据目录 ${config.dataDir}（进程 ${lock.pid}）：请先停止它，或将 FAZHI_DATA_DIR 设为另一个目录`,
          `Fazhi is already serving ${config.dataDir} (pid ${lock.pid}); stop it first, or set FAZHI_DATA_DIR to another directory`,
        ),
      );
    }
    unlock = lock.release;
  }
  const port = opts.port ?? config.port;
  const host = opts.host ?? config.host;
  const shown = host === "0.0.0.0" ? "localhost" : host;
  // The port answers at once (issue 11): a Chinese page says what is being done while the
  // database starts and, on the first start, the demo loads; the platform takes the port
  // over when it is ready.
  let loading: Awaited<ReturnType<typeof startLoadingServer>> | undefined;
  try {
    loading = await startLoadingServer(port, host);
  } catch (e) {
    await unlock();
    const code = (e as { code?: string }).code;
    throw new CliError(
      code === "EADDRINUSE"
        ? say(`端口 ${port} 已被占用（可设置 PORT）`, `port ${port} is in use (set PORT)`)
        : String(e),
    );
  }
  const stopLoading = async () => {
    await loading?.close();
    loading = undefined;
  };
  traceStart("loading page listening");
  // The rest of the server's code (serve-parts.ts) loads while the embedded PostgreSQL
  // starts: once pg_ctl is under way (`starting`) — not before, since loading blocks the
  // event loop and would hold up the steps that start it — or else once the database is open.
  let loadingParts: Promise<typeof import("./serve-parts.ts")> | undefined;
  const loadParts = () => {
    loadingParts ??= import("./serve-parts.ts").then((parts) => {
      traceStart("server code loaded");
      return parts;
    });
    loadingParts.catch(() => {}); // awaited below; a failure to open the database comes first
    return loadingParts;
  };
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    db = await openDatabase(config, { migrate: true, starting: loadParts });
    traceStart("database open (started, roles, migrations)");
  } catch (e) {
    await stopLoading();
    await unlock();
    throw e;
  }
  // Until the platform is ready, a failure stops the loading page and the database too.
  const prepare = async () => {
    const parts = await loadParts();
    const {
      buildApp,
      createRegistry,
      ensureFirstAdmin,
      ensureLawLibrary,
      loadDemoIfEmpty,
      loadModules,
      systemClock,
    } = parts;
    loading?.status("正在准备法律法规库");
    await ensureLawLibrary(db.owner, systemClock()); // the law library (engines/search)
    const first = await ensureFirstAdmin(
      db.owner,
      systemClock(),
      process.env.FAZHI_REGION ?? "500156",
    );
    if (first) {
      process.stdout.write(
        say(
          `\n首次启动：已创建系统管理员。\n  用户名：${first.username}\n  一次性密码：${first.password}\n（首次登录时修改密码，再在身份验证器应用中绑定动态口令；安全管理员和审计管理员用 \`npx fazhi user add\` 创建）\n\n`,
          `\nFirst start: created the system administrator.\n  user name: ${first.username}\n  one-time password: ${first.password}\n(change it at first login, then enrol an authenticator app for the TOTP code; create the security and audit administrators with \`npx fazhi user add\`)\n\n`,
        ),
      );
    }
    const registry = createRegistry(await loadModules());
    traceStart("law library, first administrator, modules");
    if (process.env.FAZHI_NO_DEMO !== "1") {
      const t0 = Date.now();
      let current = "";
      // A line every 15 s while a long contribution loads: the console is never silent.
      const ticker = setInterval(
        () =>
          process.stderr.write(
            `${say(
              `  … 仍在载入演示数据（${current}），已用 ${Math.round((Date.now() - t0) / 1000)} 秒`,
              `  … still loading the demo (${current}), ${Math.round((Date.now() - t0) / 1000)} s`,
            )}\n`,
          ),
        15_000,
      );
      ticker.unref();
      try {
        await loadDemoIfEmpty(db, registry, {
          print: true,
          keyDir: config.keyDir,
          fileDir: config.fileDir,
          onStart: (c) => {
            if (c.index === 1)
              process.stderr.write(
                `${say(
                  `首次启动：正在载入演示数据（武隆区 2020 年，另有当年进行中的工作），通常需要 1–3 分钟；其间打开 http://${shown}:${port} 可看到载入进度。`,
                  `First start: loading the demo (Wulong 2020, with a current year of work in progress); usually 1–3 minutes. http://${shown}:${port} shows a page that says so meanwhile.`,
                )}\n`,
              );
            current = c.id;
            process.stderr.write(
              `${say(`  正在载入 ${c.index}/${c.total} ${c.id}…`, `  loading ${c.index}/${c.total} ${c.id}…`)}\n`,
            );
            loading?.status(`正在载入演示数据（第 ${c.index} 部分，共 ${c.total} 部分）`);
          },
        });
      } finally {
        clearInterval(ticker);
      }
    }
    loading?.status("正在启动");
    const built = await buildApp(
      { db, config, clock: systemClock, registry },
      { logger: process.env.FAZHI_LOG === "1" },
    );
    await built.ready();
    traceStart("app built (routes, schemas, Swagger)");
    return { app: built, parts };
  };
  let app: Awaited<ReturnType<typeof buildApp>>;
  let parts: typeof import("./serve-parts.ts");
  try {
    ({ app, parts } = await prepare());
  } catch (e) {
    await stopLoading();
    await db.close();
    if (db.embedded) await db.embedded.stop();
    await unlock();
    throw e;
  }
  await stopLoading();
  try {
    await app.listen({ port, host });
    traceStart("listening");
  } catch (e) {
    await app.close();
    await db.close();
    if (db.embedded) await db.embedded.stop();
    await unlock();
    const code = (e as { code?: string }).code;
    throw new CliError(
      code === "EADDRINUSE"
        ? say(`端口 ${port} 已被占用（可设置 PORT）`, `port ${port} is in use (set PORT)`)
        : String(e),
    );
  }
  process.stdout.write(
    `${say(`法治平台已启动：http://${shown}:${port}`, `Fazhi is serving at http://${shown}:${port}`)}\n`,
  );

  const { anchorAllRegions, anchorIntervalMs, systemClock } = parts;
  /** Anchor the audit chains every hour (FAZHI_ANCHOR_MINUTES) while serving. */
  const ANCHOR_EVERY_MS = anchorIntervalMs(process.env.FAZHI_ANCHOR_MINUTES);
  const anchor = () =>
    anchorAllRegions(db.owner, config, systemClock()).catch((e) =>
      process.stderr.write(`fazhi: ${say("审计锚点签署失败", "anchoring failed")}: ${String(e)}\n`),
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
