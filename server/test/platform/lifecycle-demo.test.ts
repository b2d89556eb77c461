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
    "answers at once with a page that says the demo is loading, prints its progress, then serves; a demo user logs in",
    async () => {
      // Issue 11 (README, first start): the port answers while the demo loads.
      const seen: string[] = [];
      let polling = true;
      const poll = (async () => {
        while (polling) {
          try {
            const r = await fetch(`http://127.0.0.1:${d.port}/`);
            if (r.status === 503) seen.push(await r.text());
          } catch {
            // not listening yet
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      })();
      try {
        server = await serve(d.env({ FAZHI_NO_DEMO: "" }), DEMO_BUDGET_MS);
      } finally {
        polling = false;
        await poll;
      }
      expect(seen.some((html) => html.includes("正在载入演示数据"))).toBe(true);
      // the console: the first start says what it does, then each part as it loads
      expect(server.stderr()).toMatch(/First start: loading the demo/);
      expect(server.stderr()).toMatch(/ {2}loading 1\/\d+ \S+…/);
      expect(server.stdout).toMatch(/one-time password: \S+/);
      const r = await login(d.port, "wl.scjgj.handler", "Fazhi-Demo-2020");
      expect(r.status).toBe(200);
    },
    DEMO_BUDGET_MS + 10_000,
  );
});
