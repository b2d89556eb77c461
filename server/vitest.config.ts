import { defineConfig } from "vitest/config";

// Two projects: "unit" runs pure tests beside the code (no database);
// "db" runs the integration suites in test/ against PostgreSQL (embedded by
// default, or the server named by FAZHI_TEST_DATABASE_URL).
// Tests run the sources: the CLI they spawn (bin/fazhi.js) runs TypeScript through tsx,
// not the compiled dist/ (which may be older than the code under test).
process.env.FAZHI_FROM_SOURCE ??= "1";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "db",
          include: ["test/**/*.test.ts"],
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          pool: "forks",
        },
      },
    ],
  },
});
