/**
 * Starts the real server the way `npm start` does: the web build (when missing or
 * stale), then `fazhi serve` on a free port over a fresh data directory (embedded
 * PostgreSQL, no DATABASE_URL). Accounts are added with the real CLI.
 */
import { execFile, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WEB = path.join(ROOT, "web");
const CLI = path.join(ROOT, "server/bin/fazhi.js");
/**
 * The first start loads the demo (with its current year of work): about a minute quiet,
 * several on a busy 2-core machine shared with other runs.
 */
const START_TIMEOUT_MS = Number(process.env.FAZHI_E2E_START_TIMEOUT_MS) || 1_200_000;

async function newestMtime(p: string): Promise<number> {
  const st = await fs.stat(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of await fs.readdir(p)) {
    newest = Math.max(newest, await newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** `npm run build --workspace web` unless web/dist is newer than every web source. */
export async function ensureWebBuilt(): Promise<void> {
  const built = path.join(WEB, "dist/index.html");
  if (existsSync(built)) {
    const sources = ["src", "index.html", "vite.config.ts", "package.json", "tsconfig.json"]
      .map((s) => path.join(WEB, s))
      .filter((s) => existsSync(s));
    const newest = Math.max(...(await Promise.all(sources.map(newestMtime))));
    if ((await fs.stat(built)).mtimeMs >= newest) return;
  }
  const r = spawnSync("npm", ["run", "build", "--workspace", "web"], {
    cwd: ROOT,
    stdio: "inherit",
    env: cleanEnv(),
  });
  if (r.status !== 0) throw new Error(`web build failed (exit ${r.status})`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The environment of a shell running `npm start`: without vitest's NODE_ENV=test and
 * VITEST* variables (under NODE_ENV=test, vite would bundle React's development build).
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) {
    if (k === "NODE_ENV" || k.startsWith("VITEST")) delete env[k];
  }
  return env;
}

function serverEnv(dataDir: string): NodeJS.ProcessEnv {
  // The worked examples (a test-only module, server/test/fixtures/examples) are what the
  // browser tests drive; production servers never load them.
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    FAZHI_DATA_DIR: dataDir,
    FAZHI_TEST_MODULES: "examples",
  };
  delete env.DATABASE_URL;
  delete env.PORT;
  return env;
}

// The CLI answers in Chinese (server/src/cli/lang.ts; English with FAZHI_LANG=en).
const ONE_TIME = /(?:one-time password:|一次性密码：)\s*(\S+)/;

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  adminPassword: string;
  stop: () => Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  await ensureWebBuilt();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-e2e-"));
  await fs.chmod(dataDir, 0o755); // the embedded PostgreSQL runs as its own OS user
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, "serve", "--port", String(port)], {
    cwd: ROOT,
    env: serverEnv(dataDir),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr.on("data", (b: Buffer) => {
    output += b.toString();
  });

  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    }
    await fs.rm(dataDir, { recursive: true, force: true });
  };

  try {
    const { baseUrl, adminPassword } = await new Promise<{
      baseUrl: string;
      adminPassword: string;
    }>((resolve, reject) => {
      let password: string | undefined;
      const timer = setTimeout(
        () => reject(new Error(`server did not start in time:\n${output}`)),
        START_TIMEOUT_MS,
      );
      child.stdout.on("data", (b: Buffer) => {
        output += b.toString();
        password ??= ONE_TIME.exec(output)?.[1];
        const serving = /(?:Fazhi is serving at |法治平台已启动：)(\S+)/.exec(output);
        if (serving?.[1]) {
          clearTimeout(timer);
          if (!password) reject(new Error(`no admin one-time password in:\n${output}`));
          else resolve({ baseUrl: serving[1].replace(/\/$/, ""), adminPassword: password });
        }
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code}) before serving:\n${output}`));
      });
    });
    return { baseUrl, dataDir, adminPassword, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

export interface CreatedUser {
  username: string;
  password: string;
}

/** `fazhi user add` against the running server's data directory. */
export async function addUser(
  dataDir: string,
  o: { username: string; displayName: string; role: string; unit?: string },
): Promise<CreatedUser> {
  const args = [CLI, "user", "add", "-u", o.username, "-n", o.displayName];
  args.push("--unit", o.unit ?? "system-admin", "-r", o.role);
  const { stdout } = await promisify(execFile)(process.execPath, args, {
    cwd: ROOT,
    env: serverEnv(dataDir),
  });
  const password = ONE_TIME.exec(stdout)?.[1];
  if (!password) throw new Error(`no one-time password from user add:\n${stdout}`);
  return { username: o.username, password };
}
