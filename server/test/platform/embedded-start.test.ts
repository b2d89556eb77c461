import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type EmbeddedServer, openEmbedded } from "../../src/db/embedded.ts";
import { stopOrphan } from "../support/fazhi-cli.ts";

// `fazhi serve` loads the rest of its code while the embedded PostgreSQL starts (issue 9):
// openEmbedded says when the start is under way (the `starting` hook).
describe("the embedded PostgreSQL's start", () => {
  let dir = "";
  afterAll(async () => {
    if (!dir) return;
    await stopOrphan(dir);
    await fs.rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 500 });
  });

  async function open(): Promise<{ server: EmbeddedServer; events: string[] }> {
    const events: string[] = [];
    const server = await openEmbedded(dir, undefined, { starting: () => events.push("starting") });
    events.push("open");
    return { server, events };
  }

  it("calls `starting` once, before it is open, when it starts PostgreSQL; not when it adopts a running one", async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "fazhi-embedded-start-"));
    await fs.chmod(dir, 0o755);
    const first = await open(); // initdb, then start
    expect(first.server.startedHere).toBe(true);
    expect(first.events).toEqual(["starting", "open"]);

    const adopted = await open();
    expect(adopted.server.startedHere).toBe(false);
    expect(adopted.events).toEqual(["open"]);

    await first.server.stop();
    const second = await open(); // the second start: the cluster exists
    expect(second.server.startedHere).toBe(true);
    expect(second.events).toEqual(["starting", "open"]);
    await second.server.stop();
  }, 180_000);
});
