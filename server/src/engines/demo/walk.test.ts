import { describe, expect, it } from "vitest";
import type { WorkTx } from "../../platform/work.ts";
import type { CaseEngine, CaseView } from "../case/index.ts";
import type { DemoContext } from "./declare.ts";
import { walkCase } from "./walk.ts";

/** A case engine that records each step and bumps the version, refusing a stale one. */
function fakeCtx(startVersion: number) {
  const calls: unknown[] = [];
  let version = startVersion;
  const ctx = {
    as: async <T>(user: string, onDate: string, fn: (w: WorkTx) => Promise<T>) =>
      fn({ actor: { user, onDate } } as unknown as WorkTx),
    cases: {
      step: async (w: WorkTx, caseType: string, id: number, action: string, req: unknown) => {
        const r = req as { version: number };
        if (r.version !== version) throw new Error(`stale version ${r.version}`);
        calls.push({ as: (w as unknown as { actor: unknown }).actor, caseType, id, action, req });
        version += 1;
        return { id, version } as CaseView;
      },
    } as unknown as CaseEngine,
  } satisfies Pick<DemoContext, "as" | "cases">;
  return { ctx, calls };
}

describe("walkCase", () => {
  it("takes the steps in order, each as its user on its day, on the version the last left", async () => {
    const { ctx, calls } = fakeCtx(3);
    const end = await walkCase(ctx, "complaint", { id: 7, version: 3 }, "handler", [
      { action: "accept", on: "2020-03-06", input: { note: "已受理" } },
      { action: "open_case", on: "2020-03-09 14:30", by: "leader", reason: "立案" },
      { action: "conclude", on: "2020-03-20", input: {} },
    ]);
    expect(end).toEqual({ id: 7, version: 6 });
    expect(calls).toEqual([
      {
        as: { user: "handler", onDate: "2020-03-06" },
        caseType: "complaint",
        id: 7,
        action: "accept",
        req: { version: 3, onDate: "2020-03-06", input: { note: "已受理" } },
      },
      {
        as: { user: "leader", onDate: "2020-03-09 14:30" },
        caseType: "complaint",
        id: 7,
        action: "open_case",
        req: { version: 4, onDate: "2020-03-09", reason: "立案" },
      },
      {
        as: { user: "handler", onDate: "2020-03-20" },
        caseType: "complaint",
        id: 7,
        action: "conclude",
        req: { version: 5, onDate: "2020-03-20", input: {} },
      },
    ]);
  });

  it("returns the case unchanged when there is no step", async () => {
    const { ctx, calls } = fakeCtx(1);
    expect(await walkCase(ctx, "t", { id: 2, version: 1 }, "u", [])).toEqual({ id: 2, version: 1 });
    expect(calls).toEqual([]);
  });

  it("stops at a refused step (the engine's error, the steps after it not taken)", async () => {
    const { ctx, calls } = fakeCtx(5);
    await expect(
      walkCase(ctx, "t", { id: 2, version: 4 }, "u", [
        { action: "a", on: "2020-01-02" },
        { action: "b", on: "2020-01-03" },
      ]),
    ).rejects.toThrow("stale version 4");
    expect(calls).toEqual([]);
  });
});
