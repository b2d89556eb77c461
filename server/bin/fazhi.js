#!/usr/bin/env node
// The `fazhi` command. It runs the compiled server (dist/, see build.js) when that is
// the build of the sources as they are, building it first if it is not; it falls back
// to running the TypeScript sources through tsx when it cannot build, or when
// FAZHI_FROM_SOURCE=1 (the tests).
import { build, fresh } from "./build.js";

async function compiled() {
  if (process.env.FAZHI_FROM_SOURCE === "1") return false;
  if (fresh()) return true;
  try {
    await build();
    return true;
  } catch {
    return false;
  }
}

if (await compiled()) {
  await import("../dist/main.js");
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
