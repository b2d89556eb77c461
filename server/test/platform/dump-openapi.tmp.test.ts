import { writeFileSync } from "node:fs";
import { it } from "vitest";
import { MODULES as modules } from "../../src/modules/index.ts";
import { testApp } from "../support/app.ts";

it("dump", async () => {
  const t = await testApp(modules);
  const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
  writeFileSync("/tmp/oa/openapi.json", res.body);
  await t.close();
});
