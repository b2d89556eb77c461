import { describe, expect, it } from "vitest";
import { createRegistry } from "../engines/registry.ts";
import { loadModules, MODULES } from "./index.ts";

describe("the module list", () => {
  it("production has no test fixture (the worked examples are not in its list nor menu)", async () => {
    expect(MODULES.map((m) => m.code)).not.toContain("examples");
    expect((await loadModules({})).map((m) => m.code)).toEqual(MODULES.map((m) => m.code));
  });

  it("a test server adds the examples with FAZHI_TEST_MODULES, and they pass the checks", async () => {
    const mods = await loadModules({ FAZHI_TEST_MODULES: "examples" });
    expect(mods.map((m) => m.code)).toContain("examples");
    expect(() => createRegistry(mods)).not.toThrow();
  });

  it("an unknown test module fails at start, naming it", async () => {
    await expect(loadModules({ FAZHI_TEST_MODULES: "exampels" })).rejects.toThrow(/"exampels"/);
  });
});
