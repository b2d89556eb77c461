import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests run the sources: the CLI they spawn (bin/fazhi.js) runs TypeScript through tsx,
// not the compiled dist/ (which may be older than the code under test).
process.env.FAZHI_FROM_SOURCE ??= "1";

/** Browser tests: `npx vitest run --config e2e/vitest.config.ts` from the repository root. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL("..", import.meta.url)),
    include: ["e2e/**/*.test.ts"],
    globalSetup: ["e2e/support/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    teardownTimeout: 60_000,
    fileParallelism: false,
    maxWorkers: 1,
    pool: "forks",
  },
});
