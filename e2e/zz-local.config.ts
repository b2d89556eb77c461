import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
export default defineConfig({
  test: {
    root: fileURLToPath(new URL("..", import.meta.url)),
    include: ["e2e/**/*.test.ts"],
    globalSetup: ["e2e/zz-local-setup.ts"],
    testTimeout: 600_000,
    fileParallelism: false,
    maxWorkers: 1,
    pool: "forks",
  },
});
