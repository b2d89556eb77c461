import type { ModuleDecl } from "../engines/registry.ts";
import { decisionsModule } from "./decisions/index.ts";
import { directoryModule } from "./directory/index.ts";
import { enforcementModule } from "./enforcement/index.ts";
import { governanceModule } from "./governance/index.ts";
import { listsModule } from "./lists/index.ts";
import { meetingsModule } from "./meetings/index.ts";
import { oversightModule } from "./oversight/index.ts";
import { reportModule } from "./report/index.ts";
import { rulesModule } from "./rules/index.ts";
import { servicesModule } from "./services/index.ts";
import { supervisionModule } from "./supervision/index.ts";

/** Every module of the platform (production). A new module is one import and one entry here. */
export const MODULES: ModuleDecl[] = [
  directoryModule,
  meetingsModule,
  enforcementModule,
  oversightModule,
  supervisionModule,
  governanceModule,
  servicesModule,
  listsModule,
  rulesModule,
  decisionsModule,
  reportModule,
];

/**
 * Test-only modules, by name: fixtures that prove the engines on small worked examples
 * (`server/test/fixtures/`), never in production. A test server (the browser tests'
 * `fazhi serve`) asks for them with `FAZHI_TEST_MODULES=examples`; the database suites
 * import them directly.
 */
const TEST_MODULES: Record<string, () => Promise<ModuleDecl>> = {
  examples: async () => (await import("../../test/fixtures/examples/index.ts")).examplesModule,
};

/**
 * The modules a process loads: the production list, plus the test-only modules named in
 * `FAZHI_TEST_MODULES` (comma-separated; test use only). An unknown name fails at start.
 */
export async function loadModules(
  env: Record<string, string | undefined> = process.env,
): Promise<ModuleDecl[]> {
  const names = (env.FAZHI_TEST_MODULES ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const extra: ModuleDecl[] = [];
  for (const name of names) {
    const load = TEST_MODULES[name];
    if (!load) {
      throw new Error(
        `FAZHI_TEST_MODULES names "${name}"; the test-only modules are: ${Object.keys(TEST_MODULES).join(", ")}`,
      );
    }
    extra.push(await load());
  }
  return [...MODULES, ...extra];
}
