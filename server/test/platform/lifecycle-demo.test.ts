import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DataDir,
  DEMO_BUDGET_MS,
  dataDir,
  login,
  type Serving,
  serve,
  stop,
} from "../support/fazhi-cli.ts";

/**
 * The demo's first load, on its own: `npm start` on an empty data directory loads the
 * Wulong 2020 demo before it serves. Its budget is five times its quiet duration
 * (support/fazhi-cli.ts); the first start itself is tested without it (lifecycle.test.ts).
 */
describe("the first start with the demo", () => {
  let d: DataDir;
  let server: Serving | undefined;

  beforeAll(async () => {
    d = await dataDir("fazhi-demo-");
  });
  afterAll(async () => {
    await stop(server?.proc);
    await d?.remove();
  }, 60_000);

  it(
    "loads the demo, then serves; a demo user logs in",
    async () => {
      server = await serve(d.env({ FAZHI_NO_DEMO: "" }), DEMO_BUDGET_MS);
      expect(server.stdout).toMatch(/one-time password: \S+/);
      const r = await login(d.port, "wl.scjgj.handler", "Fazhi-Demo-2020");
      expect(r.status).toBe(200);
    },
    DEMO_BUDGET_MS + 10_000,
  );
});
