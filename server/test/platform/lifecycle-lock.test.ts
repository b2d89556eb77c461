import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, readPostmasterPid } from "../../src/db/embedded.ts";
import {
  type DataDir,
  dataDir,
  fazhi,
  login,
  oneTimePassword,
  type Serving,
  START_BUDGET_MS,
  serve,
  stop,
  VERB_BUDGET_MS,
} from "../support/fazhi-cli.ts";

/**
 * Issue 8: two cold starts on one data directory both served (the pid file was written
 * after the database opened), and stopping one then stopped PostgreSQL under the other.
 * `fazhi serve` now takes the data directory's lock before anything else.
 */
describe("two cold `fazhi serve` on one empty data directory", () => {
  let d: DataDir;
  let winner: Serving | undefined;

  beforeAll(async () => {
    d = await dataDir("fazhi-lock-");
  });
  afterAll(async () => {
    await stop(winner?.proc);
    await d?.remove();
  }, 60_000);

  it(
    "exactly one serves; the other exits at once with a one-line message",
    async () => {
      const otherPort = await freePort();
      // Both started together, before either has a database.
      const [a, b] = await Promise.allSettled([
        serve(d.env()),
        serve(d.env({ PORT: String(otherPort) })),
      ]);
      const served = [a, b].filter((r) => r.status === "fulfilled");
      const refused = [a, b].filter((r) => r.status === "rejected");
      expect(served).toHaveLength(1);
      expect(refused).toHaveLength(1);
      winner = (served[0] as PromiseFulfilledResult<Serving>).value;
      const reason = String((refused[0] as PromiseRejectedResult).reason);
      expect(reason).toMatch(/serve exited with 2/);
      expect(reason).toMatch(
        new RegExp(`fazhi: Fazhi is already serving .* \\(pid ${winner.proc.pid}\\)`),
      );
      expect(reason).not.toMatch(/\n\s+at /); // no stack trace

      // The one that lost touched nothing: the winner and its PostgreSQL carry on.
      const password = oneTimePassword(winner.stdout);
      expect(password).not.toBe("");
      expect((await login(winner.port, "admin", password)).status).toBe(200);
      expect((await readPostmasterPid(path.join(d.dir, "pg")))?.pid).toBeGreaterThan(0);
      expect((await fs.readFile(path.join(d.dir, "serve.pid"), "utf8")).trim()).toBe(
        String(winner.proc.pid),
      );
    },
    START_BUDGET_MS + 30_000,
  );

  it(
    "a later serve is refused too while the first one runs",
    async () => {
      if (!winner) throw new Error("no server from the test above");
      const r = await fazhi(["serve", "--port", String(await freePort())], d.env());
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `fazhi: Fazhi is already serving ${d.dir} (pid ${winner.proc.pid}); stop it first, or set FAZHI_DATA_DIR to another directory\n`,
      );
    },
    VERB_BUDGET_MS,
  );
});
